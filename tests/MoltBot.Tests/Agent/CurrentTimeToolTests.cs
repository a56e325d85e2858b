using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Agent.Tools;

namespace MoltBot.Tests.Agent;

public sealed class CurrentTimeToolTests
{
    private readonly CurrentTimeTool _tool = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Invoke_NoArguments_ReturnsUtc()
    {
        var result = await _tool.InvokeAsync(new AIFunctionArguments(), TestContext.Current.CancellationToken);
        Assert.Equal("2026-11-25T09:30:00+00:00 (Wednesday, UTC)", result);
    }

    [Fact]
    public async Task Invoke_TimeZone_Converts()
    {
        var result = await _tool.InvokeAsync(new AIFunctionArguments { ["timezone"] = "Asia/Tokyo" }, TestContext.Current.CancellationToken);
        Assert.Equal("2026-11-25T18:30:00+09:00 (Wednesday, Asia/Tokyo)", result);
    }

    [Fact]
    public async Task Invoke_UnknownZone_ExplainsInsteadOfThrowing()
    {
        var result = await _tool.InvokeAsync(new AIFunctionArguments { ["timezone"] = "Mars/Olympus" }, TestContext.Current.CancellationToken);
        Assert.Contains("Unknown time zone", (string)result!, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_IsAnObject() => Assert.Equal("object", _tool.JsonSchema.GetProperty("type").GetString());
}
