using MoltBot.Sessions;

namespace MoltBot.Tests.Sessions;

public sealed class SessionKeyTests
{
    [Fact]
    public void Keys_FollowOpenClawShapes()
    {
        Assert.Equal("agent:main:main", SessionKey.MainSession("main"));
        Assert.Equal("agent:ops:telegram:direct:42", SessionKey.Direct("ops", "telegram", "42"));
    }

    [Theory]
    [InlineData("agent:main:main", "main")]
    [InlineData("agent:ops:discord:direct:7", "ops")]
    [InlineData("cron:job1", null)]
    [InlineData("agent::main", null)]
    public void AgentIdOf_ParsesOrNull(string key, string? expected) => Assert.Equal(expected, SessionKey.AgentIdOf(key));
}
