using System.Buffers;
using System.Text.Json;

namespace CloudPI.Bench.Graph;

/// <summary>The tokenising baseline: split an APOC file into lines with a pooled buffer and walk every JSON token, building nothing.</summary>
internal static class TokenWalk
{
    public static (long Lines, long Tokens) Run(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        long lines = 0;
        long tokens = 0;
        var filled = 0;
        int read;
        while ((read = stream.Read(buffer, filled, buffer.Length - filled)) > 0 || filled > 0)
        {
            filled += read;
            var pending = buffer.AsSpan(0, filled);
            int newline;
            while ((newline = pending.IndexOf((byte)'\n')) >= 0 || (read == 0 && !pending.IsEmpty))
            {
                var line = newline >= 0 ? pending[..newline] : pending;
                var reader = new Utf8JsonReader(line);
                while (reader.Read())
                {
                    tokens++;
                }

                lines++;
                pending = newline >= 0 ? pending[(newline + 1)..] : [];
            }

            if (pending.Length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                pending.CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            else
            {
                pending.CopyTo(buffer);
            }

            filled = pending.Length;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return (lines, tokens);
    }
}
