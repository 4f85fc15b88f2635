using CloudPI.Commands.Enrichers;

namespace CloudPI.Commands.Tests;

/// <summary>Each account's line ranges, kept in a temporary file, come back as they were, and the file goes with them.</summary>
public class SpilledRangesTests
{
    [Fact]
    public void Ranges_kept_per_account_are_read_back_as_they_were_from_several_threads_and_the_file_leaves_no_name_behind()
    {
        var accounts = Enumerable.Range(0, 40).Select(a => (
            Account: $"{a:D12}",
            Ranges: Enumerable.Range(0, a * 37).Select(i => ((long)a << 33 | (uint)i * 1000L, (i * 7919) % int.MaxValue)).ToList())).ToList();

        string path;
        using (var spilled = new SpilledRanges())
        {
            path = spilled.FilePath;
            foreach (var (account, ranges) in accounts)
            {
                spilled.Add(account, ranges);
            }

            Assert.Equal(accounts.Sum(a => a.Ranges.Count) * 12L, spilled.Bytes);
            Parallel.ForEach(accounts.AsEnumerable().Reverse(), each => Assert.Equal(each.Ranges, spilled.Read(each.Account)));
            Assert.Throws<KeyNotFoundException>(() => spilled.Read("not kept"));

            // Unix: the name went when the file opened, so a killed run leaves nothing; Windows deletes it on dispose.
            Assert.Equal(OperatingSystem.IsWindows(), File.Exists(path));
        }

        Assert.False(File.Exists(path));
    }
}
