using MoltBot.Cli;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.Tests.Configuration;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Cli;

public sealed class DoctorChecksTests
{
    private static Task<IReadOnlyList<DoctorFinding>> RunAsync(TempState state) =>
        DoctorChecks.RunAsync(new ConfigLoadRequest(state.Environment, new Dictionary<string, string>()), TestContext.Current.CancellationToken);

    [Fact]
    public async Task NoModel_IsAnError_WithTheVariableToSet()
    {
        using var state = new TempState();

        var findings = await RunAsync(state);

        var model = Assert.Single(findings, f => f.Check == "model");
        Assert.Equal(DoctorSeverity.Error, model.Severity);
        Assert.Contains("OPENROUTER_API_KEY", model.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidConfig_ReportsEachIssue_WithLineAndFix()
    {
        using var state = new TempState("{\n  gateway: { prot: 1 },\n}\n");

        var finding = Assert.Single(await RunAsync(state));

        Assert.Equal(DoctorSeverity.Error, finding.Severity);
        Assert.Contains("moltbot.json:2", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("gateway.port", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorldReadableState_IsAWarning_WithChmodFix()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        using var state = new TempState(null, ("OPENROUTER_API_KEY", "sk-or-test"));
        File.SetUnixFileMode(state.StateDir, (UnixFileMode)0b111_101_101);

        var findings = await RunAsync(state);

        var warning = Assert.Single(findings, f => f.Severity == DoctorSeverity.Warning);
        Assert.Equal($"chmod 700 '{state.StateDir}'", warning.Fix);
    }

    private static string ProviderConfig(string baseUrl) => $$"""
        {
          agents: { defaults: { model: "fake/gpt-test" } },
          models: { providers: { fake: { baseUrl: "{{baseUrl}}", api: "openai-completions", apiKey: "sk-test-fake", models: [{ id: "gpt-test" }] } } },
        }
        """;

    [Fact]
    public async Task ReachableProvider_IsOk_AndWasAskedWithItsKey()
    {
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        using var state = new TempState(ProviderConfig(llm.BaseUrl.ToString()));

        var findings = await RunAsync(state);

        var probe = Assert.Single(findings, f => f.Check == "provider fake");
        Assert.Equal(DoctorSeverity.Ok, probe.Severity);
        var request = Assert.Single(llm.Requests);
        Assert.Equal("/v1/models", request.Path);
        Assert.Equal("Bearer sk-test-fake", request.Headers["authorization"]);
    }

    [Fact]
    public async Task UnreachableProvider_IsAnError_NamingTheBaseUrlKey()
    {
        using var state = new TempState(ProviderConfig($"http://127.0.0.1:{MoltBotProcess.FreePort()}/v1"));

        var probe = Assert.Single(await RunAsync(state), f => f.Check == "provider fake");

        Assert.Equal(DoctorSeverity.Error, probe.Severity);
        Assert.Contains("cannot reach", probe.Detail, StringComparison.Ordinal);
        Assert.Contains("models.providers.fake.baseUrl", probe.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_ExitCodeIsNonZeroOnlyForErrors()
    {
        using var output = new StringWriter();
        Assert.Equal(0, DoctorCommand.Print([new("state", DoctorSeverity.Warning, "w", "fix it")], output));
        Assert.Equal(1, DoctorCommand.Print([new("model", DoctorSeverity.Error, "e", "fix it")], output));
        Assert.Contains("fix: fix it", output.ToString(), StringComparison.Ordinal);
    }
}
