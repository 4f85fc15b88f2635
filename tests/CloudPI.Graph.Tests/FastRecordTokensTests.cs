using System.Text;
using System.Text.Json;
using CloudPI.Graph.Apoc;
using CloudPI.TestSupport;
using CsCheck;

namespace CloudPI.Graph.Tests;

/// <summary>
/// The fast record reader against <see cref="Utf8JsonReader"/>: on what it reads it gives the same tokens, and it
/// never finishes a record the strict reader would refuse (it leaves the record to it first).
/// </summary>
public class FastRecordTokensTests
{
    private static readonly string[] Records =
    [
        """{"type":"node","id":"0","labels":["AWSAccount","Tenant"],"properties":{"id":"111122223333","inscope":true,"lastupdated":1755000000}}""",
        """{"type":"relationship","id":"3","label":"RESOURCE","properties":{"lastupdated":1755000000},"start":{"id":"0","labels":["A"]},"end":{"id":"7"}}""",
        """ { "a" : [ 1 , -0 , 0.5 , -12.25e+3 , 4E-2 , 9223372036854775808 , true , false , null ] , "b" : { } , "c" : [ ] }""",
        "{\"tab\"\t:\t\"x\"\r,\n\"cr\":\"y\"}",
        """{"":"","e":"\"quoted\" \\ back\/slash \b\f\n\r\t","u":"\u00e9\u20AC\ud83d\ude00","raw":"é€😀","policy":"{\"Version\":\"2012-10-17\"}"}""",
        """{"long":"a string longer than sixteen bytes, and than thirty-two, to cross the vector steps: 0123456789abcdef"}""",
        """{"nested":[[[{"deep":[{"deeper":{"deepest":[1,[2,[3]]]}}]}]]]}""",
        """{"a":1}{"b":2}""",
        """{"type":"node","id":1234,"labels":[],"properties":{"big":-9223372036854775808,"f":1.0,"x":0.0e0}}""",
    ];

    [Fact]
    public void Reads_valid_records_as_the_strict_reader_does()
    {
        foreach (var record in Records)
        {
            var bytes = Encoding.UTF8.GetBytes(record);
            var (strict, strictFinished) = StrictTokens(bytes);
            var (fast, fastFinished) = FastTokens(bytes);

            Assert.True(strictFinished, record);
            Assert.True(fastFinished, record);
            Assert.Equal(strict, fast);
        }
    }

    [Fact]
    public void Reads_every_record_of_the_example_account_as_the_strict_reader_does()
    {
        var lines = File.ReadAllLines(RepoPaths.Examples("account", "graph.jsonl"));
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            var (fast, fastFinished) = FastTokens(bytes);

            Assert.True(fastFinished, line);
            Assert.Equal(StrictTokens(bytes).Tokens, fast);
        }
    }

    [Fact]
    public void Leaves_to_the_strict_reader_what_it_does_not_read_the_same()
    {
        string[] cases =
        [
            """{"a":01}""", """{"a":1.}""", """{"a":.5}""", """{"a":1e}""", """{"a":-}""", """{"a":+1}""", """{"a":1x}""",
            """{"a":tru}""", """{"a":nul}""", """{"a":"\x"}""", """{"a":"\u12G4"}""", "{\"a\":\"\u0001\"}", """{"a":1,}""",
            """{"a" 1}""", """{a:1}""", """{"a":[1,]}""", """{"a":[1}""", """{"a":{]}""", """{"a":1""", """{"a":"open""",
            """[{"a":1}]""", """{"a":1 /""", "{\"a\":" + new string('[', 70) + new string(']', 70) + "}",
        ];
        foreach (var text in cases)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var (strict, strictFinished) = StrictTokens(bytes);
            var (fast, fastFinished) = FastTokens(bytes);

            Assert.False(fastFinished, text);
            Assert.Equal(strict.Take(fast.Count), fast);
        }
    }

    [Fact]
    public void Any_mutation_of_a_record_is_read_the_same_or_left_to_the_strict_reader()
    {
        // Bytes that matter to JSON's grammar, inserted, replaced or removed anywhere in a valid record.
        const string Significant = "{}[]\":,\\ -+.eE019tfnlu\t\r\u0001é";
        var significant = Gen.Int[0, Significant.Length - 1].Select(i => Significant[i].ToString());
        var mutation = Gen.Select(Gen.Int[0, Records.Length - 1], Gen.Int[0, 3], Gen.Int[0, 1000], significant, Gen.Int[0, 2]);
        mutation.Sample((record, count, seed, text, kind) =>
        {
            var random = new Random(seed);
            var mutated = Records[record];
            for (var i = 0; i < count + 1; i++)
            {
                var at = random.Next(mutated.Length);
                mutated = kind switch
                {
                    0 => mutated.Insert(at, text),
                    1 => mutated.Remove(at, 1).Insert(at, text),
                    _ => mutated.Remove(at, 1),
                };
            }

            var bytes = Encoding.UTF8.GetBytes(mutated);
            var (strict, strictFinished) = StrictTokens(bytes);
            var (fast, fastFinished) = FastTokens(bytes);
            if (fastFinished)
            {
                Assert.True(strictFinished, mutated);
                Assert.Equal(strict, fast);
            }
            else
            {
                Assert.Equal(strict.Take(fast.Count), fast);
            }
        }, iter: 20_000);
    }

    /// <summary>What a reader gave for one token: its type, text and escaping, and for strings and numbers their values.</summary>
    private sealed record Token(JsonTokenType Type, string Text, bool Escaped, string? Value, long? Integer, int? BytesConsumed);

    private static (List<Token> Tokens, bool Finished) StrictTokens(byte[] json)
    {
        var reader = new StrictRecordTokens(json);
        return ReadAll(ref reader, static e => e is JsonException);
    }

    private static (List<Token> Tokens, bool Finished) FastTokens(byte[] json)
    {
        var reader = new FastRecordTokens(json);
        return ReadAll(ref reader, static e => e is LeaveFastPath);
    }

    /// <summary>The tokens read until the record ends or the reader stops with the one exception it may throw.</summary>
    private static (List<Token> Tokens, bool Finished) ReadAll<TReader>(ref TReader reader, Func<Exception, bool> stops)
        where TReader : IRecordTokens, allows ref struct
    {
        var tokens = new List<Token>();
        try
        {
            return (tokens, ReadRecord(ref reader, tokens));
        }
        catch (Exception e) when (stops(e))
        {
            return (tokens, false);
        }
    }

    /// <summary>Reads as the record parser does: an object to its closing brace; anything else ends the record unread.</summary>
    private static bool ReadRecord<TReader>(ref TReader reader, List<Token> tokens)
        where TReader : IRecordTokens, allows ref struct
    {
        var depth = 0;
        while (reader.Read())
        {
            depth += reader.TokenType switch
            {
                JsonTokenType.StartObject or JsonTokenType.StartArray => 1,
                JsonTokenType.EndObject or JsonTokenType.EndArray => -1,
                _ => 0,
            };
            var finished = depth == 0;
            tokens.Add(Describe(ref reader, finished));
            if (tokens.Count == 1 && reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            if (finished)
            {
                return true;
            }
        }

        return false;
    }

    private static Token Describe<TReader>(ref TReader reader, bool last)
        where TReader : IRecordTokens, allows ref struct
    {
        var type = reader.TokenType;
        var isText = type is JsonTokenType.String or JsonTokenType.PropertyName;
        var text = type is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : string.Empty;
        long? integer = type == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : null;
        return new Token(type, text, reader.ValueIsEscaped, isText ? SafeString(ref reader) : null, integer, last ? reader.BytesConsumed : null);
    }

    /// <summary>The unescaped string, or the error unescaping it gives (a lone surrogate), for both readers alike.</summary>
    private static string SafeString<TReader>(ref TReader reader)
        where TReader : IRecordTokens, allows ref struct
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException e)
        {
            return e.GetType().Name;
        }
    }
}
