using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Agent;
using MoltBot.Agent.Budgets;
using MoltBot.Configuration;
using MoltBot.Storage;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Budgets;

/// <summary>Per-day budgets on a real gateway: the fake model reports 11 input + 7 output tokens per call.</summary>
public sealed class BudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 22, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task DailyTokens_Reached_RefusesTurnsBeforeTheModel_SurvivesRestart_AndResetsAtMidnightUtc()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = WithBudget(GatewayHarness.Config(llm), new BudgetConfig { DailyTokens = 30 });

        await using (var gateway = await GatewayHarness.StartAsync(state.Path, config, _time))
        {
            llm.EnqueueText("one");
            llm.EnqueueText("two");
            Assert.Equal("one", await GatewayChat.AskAsync(gateway.Http, "first"));
            Assert.Equal("two", await GatewayChat.AskAsync(gateway.Http, "second")); // 18 < 30 before it; 36 after

            var refused = await GatewayChat.AskAsync(gateway.Http, "third");

            Assert.Equal("Today's budget for main is used up (36 of 30 tokens); it resets at 00:00 UTC. The owner can raise agents.defaults.budget.dailyTokens.", refused);
            Assert.Equal(2, llm.Requests.Count);
            Assert.Contains("Today (UTC): 36 of 30 tokens", await GatewayChat.AskAsync(gateway.Http, "/status"), StringComparison.Ordinal);
            Assert.Contains("agent main used up today's budget", gateway.Output, StringComparison.Ordinal);
        }

        await using (var restarted = await GatewayHarness.StartAsync(state.Path, config, _time))
        {
            Assert.StartsWith("Today's budget for main is used up", await GatewayChat.AskAsync(restarted.Http, "still there?"), StringComparison.Ordinal);
            Assert.Equal(2, llm.Requests.Count);

            _time.Advance(TimeSpan.FromHours(1.5)); // 00:00 UTC passes
            llm.EnqueueText("a new day");

            Assert.Equal("a new day", await GatewayChat.AskAsync(restarted.Http, "good morning"));
            Assert.Contains("Today (UTC): 18 of 30 tokens", await GatewayChat.AskAsync(restarted.Http, "/status"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DailyCostUsd_OfAnAgent_UsesTheModelsPrices_AndNamesTheAgentsKey()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = GatewayHarness.Config(llm);
        var provider = config.Models.Providers["fake"];
        config = config with
        {
            // $10,000 / $20,000 per million: 11 input + 7 output tokens cost $0.25 a call.
            Models = new ModelsConfig { Providers = new Dictionary<string, ProviderConfig> { ["fake"] = provider with { Models = [provider.Models[0] with { Cost = new ModelCost { Input = 10_000, Output = 20_000 } }] } } },
            Agents = config.Agents with { List = [new AgentEntry { Id = "main", Default = true, Budget = new BudgetConfig { DailyCostUsd = 0.4 } }] },
        };
        await using var gateway = await GatewayHarness.StartAsync(state.Path, config, _time);
        llm.EnqueueText("one");
        llm.EnqueueText("two");
        await GatewayChat.AskAsync(gateway.Http, "first");
        Assert.Contains("Today (UTC): 18 tokens, $0.25 of $0.40", await GatewayChat.AskAsync(gateway.Http, "/status"), StringComparison.Ordinal);
        await GatewayChat.AskAsync(gateway.Http, "second");

        var refused = await GatewayChat.AskAsync(gateway.Http, "third");

        Assert.Equal("Today's budget for main is used up ($0.50 of $0.40); it resets at 00:00 UTC. The owner can raise agents.list[0].budget.dailyCostUsd.", refused);
        Assert.Equal(2, llm.Requests.Count);
    }

    [Fact]
    public void Refuse_OnAChannel_TellsEachSessionOncePerDay()
    {
        using var state = new TempDirectory();
        var config = new MoltBotConfig { Agents = new AgentsConfig { Defaults = new AgentDefaults { Budget = new BudgetConfig { DailyTokens = 10 } } } };
        var usage = new UsageStore(new SqliteDatabase(state.Combine("moltbot.sqlite")));
        var budgets = new AgentBudgets(config, usage, _time, NullLogger<AgentBudgets>.Instance);
        var agent = new AgentProfile("main", "MoltBot", state.Path, ["fake/gpt-test"], true);
        Assert.Null(budgets.Refuse(agent, "agent:main:discord:dm:1", repeatNotice: false));
        budgets.Record("main", new Microsoft.Extensions.AI.UsageDetails { InputTokenCount = 8, OutputTokenCount = 2 });

        var first = budgets.Refuse(agent, "agent:main:discord:dm:1", repeatNotice: false);
        var again = budgets.Refuse(agent, "agent:main:discord:dm:1", repeatNotice: false);
        var otherSession = budgets.Refuse(agent, "agent:main:telegram:dm:2", repeatNotice: false);
        var api = budgets.Refuse(agent, "agent:main:discord:dm:1", repeatNotice: true);

        Assert.StartsWith("Today's budget for main is used up (10 of 10 tokens)", first, StringComparison.Ordinal);
        Assert.Equal("", again); // refused, but nothing is sent
        Assert.Equal(first, otherSession);
        Assert.Equal(first, api);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Null(budgets.Refuse(agent, "agent:main:discord:dm:1", repeatNotice: false));
    }

    private static MoltBotConfig WithBudget(MoltBotConfig config, BudgetConfig budget) =>
        config with { Agents = config.Agents with { Defaults = config.Agents.Defaults with { Budget = budget } } };
}
