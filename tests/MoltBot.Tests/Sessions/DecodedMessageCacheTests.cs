using Microsoft.Extensions.AI;
using MoltBot.Sessions;

namespace MoltBot.Tests.Sessions;

public sealed class DecodedMessageCacheTests
{
    [Fact]
    public void PastItsCapacity_ItStartsOver_AndKeepsTheNewest()
    {
        var cache = new DecodedMessageCache();
        for (var id = 1; id <= DecodedMessageCache.Capacity; id++)
        {
            cache.Add(id, new ChatMessage(ChatRole.User, $"m{id}"));
        }
        Assert.True(cache.TryGet(1, out _));

        cache.Add(DecodedMessageCache.Capacity + 1, new ChatMessage(ChatRole.User, "newest"));

        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(DecodedMessageCache.Capacity + 1, out var newest));
        Assert.Equal("newest", newest.Text);
    }
}
