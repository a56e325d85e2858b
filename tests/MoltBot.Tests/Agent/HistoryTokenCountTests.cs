using Microsoft.Extensions.AI;
using MoltBot.Agent;
using MoltBot.Sessions;

namespace MoltBot.Tests.Agent;

/// <summary>The remembered estimate always equals counting the whole history again, whatever happened to it in between.</summary>
public sealed class HistoryTokenCountTests
{
    private readonly HistoryTokenCount _count = new();

    [Fact]
    public void Appended_Compacted_Reloaded_AlwaysEqualsAFullCount()
    {
        StoredMessage[] history = [Entry(1, "hello"), Entry(2, "a longer answer about something", ChatRole.Assistant)];
        Assert.Equal(FullCount(history), _count.Estimate("s1", history));
        Assert.Equal(FullCount(history), _count.Estimate("s1", history));

        history = [.. history, Call(3), Entry(4, new string('x', 900), ChatRole.Tool)];
        Assert.Equal(FullCount(history), _count.Estimate("s1", history));

        // An answered mark replaces the entry, not its message.
        history[0] = history[0] with { Pending = false };
        Assert.Equal(FullCount(history), _count.Estimate("s1", history));

        // Compaction: a summary in front, older entries gone.
        history = [Entry(5, "[Summary] the user said hello"), .. history[2..]];
        Assert.Equal(FullCount(history), _count.Estimate("s1", history));

        // Read again from the database: equal text, new instances, one of them changed.
        history = [.. history.Select(e => e with { Message = new ChatMessage(e.Message.Role, e.Message.Contents.ToList()) })];
        history[^1] = Entry(4, "short now", ChatRole.Tool);
        Assert.Equal(FullCount(history), _count.Estimate("s1", history));

        Assert.Equal(FullCount(history[..1]), _count.Estimate("s1", history[..1]));
        Assert.Equal(0, _count.Estimate("s1", []));
    }

    [Fact]
    public void Sessions_AreCountedApart()
    {
        StoredMessage[] one = [Entry(1, "one")];
        StoredMessage[] two = [Entry(1, "two two two two two two two two two")];

        Assert.Equal(FullCount(one), _count.Estimate("s1", one));
        Assert.Equal(FullCount(two), _count.Estimate("s2", two));
        Assert.Equal(FullCount(one), _count.Estimate("s1", one));
    }

    private static int FullCount(IEnumerable<StoredMessage> history) => history.Sum(m => TokenEstimator.Estimate(m.Message));

    private static StoredMessage Entry(long id, string text, ChatRole? role = null) =>
        new(id, StoredMessage.MessageKind, new ChatMessage(role ?? ChatRole.User, text), true, false, 0, DateTimeOffset.UnixEpoch);

    private static StoredMessage Call(long id) =>
        new(id, StoredMessage.MessageKind, new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "web_search", new Dictionary<string, object?> { ["query"] = "pelicans" })]), false, false, 0, DateTimeOffset.UnixEpoch);
}
