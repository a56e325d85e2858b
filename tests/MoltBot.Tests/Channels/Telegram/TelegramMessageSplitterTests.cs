using MoltBot.Channels.Telegram;

namespace MoltBot.Tests.Channels.Telegram;

public sealed class TelegramMessageSplitterTests
{
    [Fact]
    public void ShortText_IsOnePart() => Assert.Equal(["hello"], TelegramMessageSplitter.Split("hello"));

    [Fact]
    public void Split_PrefersParagraphs_ThenLines_ThenSentences_ThenWords()
    {
        Assert.Equal(["aaaaaaa", "bbb"], TelegramMessageSplitter.Split("aaaaaaa\n\nbbb", 10));
        Assert.Equal(["aaaaaa", "bbbb"], TelegramMessageSplitter.Split("aaaaaa\nbbbb", 10));
        Assert.Equal(["Aaaaaa.", "Bbbbb"], TelegramMessageSplitter.Split("Aaaaaa. Bbbbb", 10));
        Assert.Equal(["aa bb cc", "dd"], TelegramMessageSplitter.Split("aa bb cc dd", 10));
    }

    [Fact]
    public void UnbrokenText_IsCutHard_WithoutSplittingASurrogatePair()
    {
        var parts = TelegramMessageSplitter.Split("abcdefghi😀xyz", 10);

        Assert.Equal(["abcdefghi", "😀xyz"], parts);
    }

    [Fact]
    public void EveryPart_FitsTheLimit()
    {
        var text = string.Join(" ", Enumerable.Range(0, 5000).Select(i => "word" + i));

        var parts = TelegramMessageSplitter.Split(text);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramMessageSplitter.MaxLength));
        Assert.Equal(text, string.Join(" ", parts));
    }
}
