using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway;

public sealed class GatewayRestartTests
{
    [Fact]
    public async Task Conversation_ContinuesAfterRestart()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        await using (var first = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm)))
        {
            llm.EnqueueText("Nice to meet you, Ada.");
            await GatewayChat.AskAsync(first.Http, "My name is Ada.");
        }

        await using var second = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm));
        llm.EnqueueText("You are Ada.");
        var reply = await GatewayChat.AskAsync(second.Http, "What is my name?");

        Assert.Equal("You are Ada.", reply);
        var history = llm.Requests[^1].Json!["messages"]!.ToJsonString();
        Assert.Contains("My name is Ada.", history, StringComparison.Ordinal);
        Assert.Contains("Nice to meet you, Ada.", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptedMessage_IsStoredBeforeTheModelAnswers()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        Task<HttpResponseMessage> pending;
        await using (var first = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm)))
        {
            llm.EnqueueHang();
            pending = GatewayChat.PostAsync(first.Http, "please remember: the code is 4711");
            await llm.WaitForRequestAsync(1, TestContext.Current.CancellationToken);
            // The gateway goes down while the model is still thinking.
        }
        await Record.ExceptionAsync(() => pending);

        await using var second = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm));
        llm.EnqueueText("ok");
        await GatewayChat.AskAsync(second.Http, "what was the code?");

        Assert.Contains("the code is 4711", llm.Requests[^1].Json!["messages"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
