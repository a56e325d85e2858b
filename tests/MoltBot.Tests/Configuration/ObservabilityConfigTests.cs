namespace MoltBot.Tests.Configuration;

/// <summary><c>logging</c>, <c>gateway.metrics</c>, budgets and model prices: read from the file and the environment, checked with a fix.</summary>
public sealed class ObservabilityConfigTests
{
    [Fact]
    public void File_WithLoggingMetricsBudgetsAndPrices_BuildsTheRecords()
    {
        using var state = new TempState("""
            {
              logging: { format: "json", level: "debug" },
              gateway: { metrics: { public: true } },
              agents: {
                defaults: { budget: { dailyTokens: 200000, dailyCostUsd: 1.5 } },
                list: [{ id: "main" }, { id: "cheap", budget: { dailyTokens: 1000 } }],
              },
              models: { providers: { openrouter: { apiKey: "sk-or-x", models: [{ id: "openai/gpt-4o-mini", cost: { input: 0.15, output: 0.6, cacheRead: 0.075 } }] } } },
            }
            """, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"), ("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=abc"));

        var config = state.Load().Config;

        Assert.Equal(("json", "debug"), (config.Logging.Format, config.Logging.Level));
        Assert.True(config.Gateway.Metrics.Enabled);
        Assert.True(config.Gateway.Metrics.Public);
        Assert.Equal("http://127.0.0.1:4318", config.Gateway.Metrics.OtlpEndpoint);
        Assert.Equal("InstrumentationKey=abc", config.Gateway.Metrics.AzureMonitorConnectionString!.Value);
        Assert.Equal((200000L, 1.5), (config.Agents.Defaults.Budget.DailyTokens, config.Agents.Defaults.Budget.DailyCostUsd));
        Assert.Equal(1000L, config.Agents.List[1].Budget.DailyTokens);
        var cost = config.Models.Providers["openrouter"].Models[0].Cost!;
        Assert.Equal((0.15, 0.6, 0.075), (cost.Input, cost.Output, cost.CacheRead));
        // 1M input of which 400k cached, 100k output: 0.6 * 0.15 + 0.4 * 0.075 + 0.1 * 0.6
        Assert.Equal(0.18, cost.Of(1_000_000, 400_000, 100_000), 9);
    }

    [Fact]
    public void Defaults_AreTextLogsAndAProtectedMetricsEndpoint()
    {
        using var state = new TempState();

        var config = state.Load().Config;

        Assert.Equal(("text", "info"), (config.Logging.Format, config.Logging.Level));
        Assert.True(config.Gateway.Metrics.Enabled);
        Assert.False(config.Gateway.Metrics.Public);
        Assert.Null(config.Agents.Defaults.Budget.DailyTokens);
    }

    [Fact]
    public void LogFormatVariable_Unknown_NamesTheVariableAndTheChoices()
    {
        using var state = new TempState(null, ("MOLTBOT_LOG_FORMAT", "xml"));

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal("logging.format", issue.Key);
        Assert.Contains("MOLTBOT_LOG_FORMAT='xml'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("text, json", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativePriceAndStringBudget_AreRejectedWithKeyAndLine()
    {
        using var state = new TempState("""
            {
              agents: { defaults: { budget: { dailyCostUsd: "5" } } },
              models: { providers: { openrouter: { apiKey: "k", models: [{ id: "m", cost: { input: -1 } }] } } },
            }
            """);

        var issues = state.LoadIssues();

        Assert.Contains(issues, i => i.Key == "agents.defaults.budget.dailyCostUsd" && i.Line == 2 && i.Message.Contains("Expected a number >= 0", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Key == "models.providers.openrouter.models[0].cost.input" && i.Line == 3 && i.Message.Contains("out of range", StringComparison.Ordinal));
    }
}
