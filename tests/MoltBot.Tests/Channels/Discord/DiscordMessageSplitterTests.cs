using System.Text;
using MoltBot.Channels.Discord;

namespace MoltBot.Tests.Channels.Discord;

public sealed class DiscordMessageSplitterTests
{
    [Fact]
    public void Split_ShortText_ReturnsItUnchanged()
    {
        Assert.Equal(["hello"], DiscordMessageSplitter.Split("hello"));
        Assert.Empty(DiscordMessageSplitter.Split(""));
    }

    [Fact]
    public void Split_TwoParagraphs_CutsAtTheParagraphBreak()
    {
        var first = new string('a', 1200) + "\nline two of one.";
        var second = new string('b', 1200);
        var chunks = DiscordMessageSplitter.Split(first + "\n\n" + second);

        Assert.Equal([first + "\n\n", second], chunks);
    }

    [Fact]
    public void Split_NoParagraphs_PrefersLineThenSentenceThenWord()
    {
        var lines = new string('a', 1500) + "\n" + new string('b', 1000);
        Assert.Equal(new string('a', 1500) + "\n", DiscordMessageSplitter.Split(lines)[0]);

        var sentences = "First sentence. " + string.Join(' ', Enumerable.Repeat("word", 500));
        var firstChunk = DiscordMessageSplitter.Split("Intro sentence here. " + new string('x', 1900) + ". Tail words go here " + sentences)[0];
        Assert.EndsWith(". ", firstChunk);

        var words = string.Join(' ', Enumerable.Repeat("word", 600));
        Assert.All(DiscordMessageSplitter.Split(words), c => Assert.True(c.EndsWith(' ') || c.EndsWith("word", StringComparison.Ordinal)));
    }

    [Fact]
    public void Split_OneHugeWord_HardCutsWithoutSplittingSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 1500));
        var chunks = DiscordMessageSplitter.Split(text);

        Assert.All(chunks, c => Assert.True(c.Length <= 2000));
        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1])));
        Assert.Equal(text, string.Concat(chunks));
    }

    [Fact]
    public void Split_CodeBlockThatFits_IsNotCutInside()
    {
        var prose = string.Join(' ', Enumerable.Repeat("prose", 250));
        var code = "```csharp\n" + string.Concat(Enumerable.Repeat("var x = 1;\n", 80)) + "```\n";
        var chunks = DiscordMessageSplitter.Split(prose + "\n" + code + "after");

        Assert.Contains(chunks, c => c.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_CodeBlockLongerThanTheLimit_ClosesAndReopensWithTheLanguageTag()
    {
        var code = "```python\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"print({i})  # line\n")) + "```";
        var chunks = DiscordMessageSplitter.Split("Here:\n" + code);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.True(c.Length <= 2000, $"{c.Length}"));
        Assert.All(chunks.Skip(1), c => Assert.StartsWith("```python\n", c));
        Assert.All(chunks.SkipLast(1), c => Assert.EndsWith("\n```", c));
        Assert.All(chunks, c => Assert.True(FenceLines(c) % 2 == 0, c));
    }

    [Fact]
    public void Split_GeneratedTexts_KeepEveryPromise()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var text = Generate(random);
            var limit = random.Next(4) == 0 ? random.Next(60, 400) : 2000;
            var chunks = DiscordMessageSplitter.SplitDetailed(text, limit);

            var rebuilt = new StringBuilder();
            for (var i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                Assert.True(chunk.Text.Length <= limit, $"seed {seed}: chunk {i} has {chunk.Text.Length} > {limit}");
                Assert.True(chunk.Text.Length > 0, $"seed {seed}: empty chunk {i}");
                Assert.True(FenceLines(chunk.Text) % 2 == 0, $"seed {seed}: unbalanced fences in chunk {i}:\n{chunk.Text}");
                Assert.Equal(i > 0 && chunks[i - 1].SuffixLength > 0, chunk.PrefixLength > 0);
                if (chunk.PrefixLength > 0)
                {
                    Assert.StartsWith("```", chunk.Text);
                }
                if (chunk.SuffixLength > 0)
                {
                    Assert.EndsWith("```", chunk.Text);
                }
                rebuilt.Append(chunk.Text.AsSpan(chunk.PrefixLength, chunk.Text.Length - chunk.PrefixLength - chunk.SuffixLength));
            }
            Assert.True(text == rebuilt.ToString(), $"seed {seed}: content changed");
        }
    }

    private static int FenceLines(string chunk) =>
        chunk.Split('\n').Count(line => line.TrimStart(' ').StartsWith("```", StringComparison.Ordinal));

    private static string Generate(Random random)
    {
        string[] words = ["the", "assistant", "answers", "quickly", "a", "longer-word-here", "x", "données", "😀", "naïve"];
        var text = new StringBuilder();
        var blocks = random.Next(1, 12);
        for (var b = 0; b < blocks; b++)
        {
            switch (random.Next(6))
            {
                case 0:
                    var language = random.Next(3) switch { 0 => "", 1 => "csharp", _ => "python" };
                    text.Append("```").Append(language).Append('\n');
                    var codeLines = random.Next(1, random.Next(2) == 0 ? 20 : 250);
                    for (var l = 0; l < codeLines; l++)
                    {
                        text.Append(' ', random.Next(8)).Append("call(").Append(l).Append(");").Append('\n');
                        if (random.Next(15) == 0)
                        {
                            text.Append('\n');
                        }
                    }
                    text.Append("```");
                    break;
                case 1:
                    text.Append(new string('z', random.Next(1, 4500)));
                    break;
                default:
                    var sentences = random.Next(1, 60);
                    for (var s = 0; s < sentences; s++)
                    {
                        var count = random.Next(1, 25);
                        for (var w = 0; w < count; w++)
                        {
                            text.Append(words[random.Next(words.Length)]).Append(w + 1 < count ? " " : "");
                        }
                        text.Append(random.Next(3) switch { 0 => ". ", 1 => "!\n", _ => "? " });
                    }
                    break;
            }
            text.Append(random.Next(3) switch { 0 => "\n", 1 => "\n\n", _ => "\n\n\n" });
        }
        return text.ToString();
    }
}
