using System.Text.Json;
using MoltBot.Cli;
using MoltBot.Tests.Configuration;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Cli;

/// <summary>Each check triggered through the real CLI (in-process), then fixed by --fix or by the change its fix line names.</summary>
public sealed class SecurityAuditTests
{
    private const UnixFileMode Mode644 = (UnixFileMode)0b110_100_100;
    private const UnixFileMode Mode755 = (UnixFileMode)0b111_101_101;

    /// <summary>A state folder whose config file is private (as `config set` writes it), so only the planted problem shows.</summary>
    private static TempState State(string? config = null, params (string Name, string Value)[] environment)
    {
        var state = new TempState(config, environment);
        if (config is not null && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(state.ConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return state;
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Audit(TempState state, params string[] args) =>
        InProcessCli.RunAsync(state.Environment, ["security", "audit", .. args]);

    private static async Task<List<(string Id, string Severity, string Finding, string Fix)>> Findings(TempState state)
    {
        var (_, stdout, _) = await Audit(state, "--json");
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => (
            f.GetProperty("id").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("finding").GetString()!, f.GetProperty("fix").GetString()!))];
    }

    [Fact]
    public async Task CleanState_OnlyTheInfoLine_ExitZero()
    {
        using var state = State();

        var (exit, stdout, _) = await Audit(state);

        Assert.Equal(0, exit);
        Assert.Contains("info      gateway.controlUi.origins", stdout, StringComparison.Ordinal);
        Assert.Contains("no Control UI origins configured", stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 high, 0 medium, 0 low, 1 info. No high findings.", stdout.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal); // not a terminal: no colour
    }

    [Fact]
    public async Task InvalidConfig_ExitTwo_WithTheConfigError()
    {
        using var state = State("{ gateway: { prot: 1 } }");

        var (exit, _, stderr) = await Audit(state);

        Assert.Equal(2, exit);
        Assert.Contains("gateway.port", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExposedBindWithoutToken_High_FixGeneratesAPrivateTokenFile()
    {
        using var state = State("{ gateway: { bind: \"lan\" } }");

        var before = await Audit(state);
        var fix = await Audit(state, "--fix");

        Assert.Equal(1, before.ExitCode);
        Assert.Contains("high      gateway.bind.no-token", before.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, fix.ExitCode);
        Assert.Contains("fixed gateway.bind.no-token: wrote a new random 43-character gateway token", fix.Stdout, StringComparison.Ordinal);
        Assert.Contains("restart the gateway", fix.Stdout, StringComparison.Ordinal);
        var tokenFile = Path.Combine(state.StateDir, "gateway.token");
        var token = File.ReadAllText(tokenFile).Trim();
        Assert.Equal(43, token.Length);
        Assert.DoesNotContain(token, fix.Stdout, StringComparison.Ordinal); // says where, never prints it
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }
        Assert.DoesNotContain(await Findings(state), f => f.Id.StartsWith("gateway.", StringComparison.Ordinal) && f.Severity != "info");
    }

    [Fact]
    public async Task WeakTokenFile_MediumOnLoopback_HighWhenExposed_FixReplacesIt()
    {
        using var state = State("{ gateway: { bind: \"lan\" } }");
        File.WriteAllText(Path.Combine(state.StateDir, "gateway.token"), "changeme\n");
        File.SetUnixFileMode(Path.Combine(state.StateDir, "gateway.token"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var exposed = Assert.Single(await Findings(state), f => f.Id == "gateway.token.weak");
        var (exit, stdout, _) = await Audit(state, "--fix");

        Assert.Equal("high", exposed.Severity);
        Assert.Contains("well-known default", exposed.Finding, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("fixed gateway.token.weak", stdout, StringComparison.Ordinal);
        Assert.NotEqual("changeme", File.ReadAllText(Path.Combine(state.StateDir, "gateway.token")).Trim());
    }

    [Theory]
    [InlineData("short-token", "only 11 characters")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "low entropy")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123", "low entropy")]
    [InlineData("password", "well-known default")]
    public async Task WeakTokenFromEnvironment_IsReported_ButNeverChanged(string token, string why)
    {
        using var state = State(null, ("MOLTBOT_GATEWAY_TOKEN", token));

        var (exit, stdout, _) = await Audit(state, "--fix");
        var weak = Assert.Single(await Findings(state), f => f.Id == "gateway.token.weak");

        Assert.Equal(0, exit); // loopback: medium
        Assert.Equal("medium", weak.Severity);
        Assert.Contains(why, weak.Finding, StringComparison.Ordinal);
        Assert.Contains("env MOLTBOT_GATEWAY_TOKEN", weak.Finding, StringComparison.Ordinal);
        Assert.DoesNotContain(token, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("fixed gateway.token.weak", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(state.StateDir, "gateway.token")));
    }

    [Fact]
    public async Task StrongTokenFromConfig_NoFinding()
    {
        using var state = State("{ gateway: { bind: \"lan\", auth: { token: \"${GW_TOKEN}\" } } }", ("GW_TOKEN", "Zk3v9Qp1LmX7rT2wYb8NcD4sHf6JgA0e"));

        Assert.DoesNotContain(await Findings(state), f => f.Id.StartsWith("gateway.token", StringComparison.Ordinal) || f.Id == "gateway.bind.no-token");
    }

    [Fact]
    public async Task OpenDm_High_FixedByConfigSetPairing()
    {
        using var state = State("{ channels: { discord: { dm: { policy: \"open\", allowFrom: [\"*\"] } } } }");

        var before = await Audit(state);
        Assert.Equal(0, ConfigSetCommand.Run("channels.discord.dm.policy", "pairing", state.Environment, TextWriter.Null, TextWriter.Null));
        var after = await Audit(state);

        Assert.Equal(1, before.ExitCode);
        Assert.Contains("channels.discord.dm.open", before.Stdout, StringComparison.Ordinal);
        Assert.Contains("moltbot config set channels.discord.dm.policy pairing", before.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.DoesNotContain("dm.open", after.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ channels: { telegram: { groups: { \"-1001\": { requireMention: false } } } } }", "channels.telegram.groups.open", "-1001")]
    [InlineData("{ channels: { discord: { guilds: { \"1234\": { requireMention: false } } } } }", "channels.discord.groups.open", "1234")]
    public async Task GroupWithoutMention_IsLow_FixedByRequireMention(string config, string id, string group)
    {
        using var state = State(config);

        var finding = Assert.Single(await Findings(state), f => f.Id == id);
        File.WriteAllText(state.ConfigPath, config.Replace("false", "true", StringComparison.Ordinal));

        Assert.Equal("low", finding.Severity);
        Assert.Contains($"without a mention in {group}", finding.Finding, StringComparison.Ordinal);
        Assert.Contains("requireMention", finding.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(await Findings(state), f => f.Id == id);
    }

    [Fact]
    public async Task DefaultConfig_HasNoWildcardGroup()
    {
        // Regression: the schema default of `groups.*.requireMention` once created a literal "*" group (= every group).
        using var state = State();

        Assert.Empty(state.Load().Config.Channels.Telegram.Groups);
        Assert.Empty(state.Load().Config.Channels.Discord.Guilds);
        Assert.DoesNotContain(await Findings(state), f => f.Id.EndsWith("groups.open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FullExecWithoutSandboxOrAsk_High_FixedBySandbox()
    {
        using var state = State("{ tools: { exec: { security: \"full\", ask: \"off\" } } }");

        var before = await Audit(state);
        File.WriteAllText(state.ConfigPath, "{ tools: { exec: { security: \"full\", ask: \"off\", sandbox: true } } }");
        var after = await Audit(state);

        Assert.Equal(1, before.ExitCode);
        Assert.Contains("tools.exec.full-unsandboxed", before.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, after.ExitCode);
        Assert.DoesNotContain("tools.exec", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorldReadableState_High_FixMakesFolder700AndFiles600()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        using var state = State("{}");
        File.SetUnixFileMode(state.StateDir, Mode755);
        File.SetUnixFileMode(state.ConfigPath, Mode644);
        var credentials = Directory.CreateDirectory(Path.Combine(state.StateDir, "credentials")).FullName;
        File.WriteAllText(Path.Combine(credentials, "whatsapp.json"), "{}");
        File.SetUnixFileMode(Path.Combine(credentials, "whatsapp.json"), Mode644);

        var before = Assert.Single(await Findings(state), f => f.Id == "state.permissions");
        var (exit, stdout, _) = await Audit(state, "--fix");

        Assert.Equal("high", before.Severity);
        Assert.Contains($"chmod 700 '{state.StateDir}'", before.Fix, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        Assert.Contains("fixed state.permissions", stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state.StateDir));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state.ConfigPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(credentials, "whatsapp.json")));
        Assert.DoesNotContain(await Findings(state), f => f.Id == "state.permissions");
    }

    [Fact]
    public async Task InlineSecret_Medium_NamesKeyAndLine_NeverTheValue_GoneWithVariable()
    {
        using var state = State("{\n  models: { providers: { openrouter: {\n    apiKey: \"sk-or-inline-secret-1234\",\n  } } },\n}\n", ("OPENROUTER_KEY_FOR_TEST", "sk-or-from-env-5678"));

        var (exit, stdout, _) = await Audit(state, "--json");
        var inline = Assert.Single(await Findings(state), f => f.Id == "secrets.inline");
        File.WriteAllText(state.ConfigPath, "{ models: { providers: { openrouter: { apiKey: \"${OPENROUTER_KEY_FOR_TEST}\" } } } }");
        var after = await Findings(state);

        Assert.Equal(0, exit); // medium only
        Assert.Equal("medium", inline.Severity);
        Assert.Contains($"models.providers.openrouter.apiKey ({state.ConfigPath}:3)", inline.Finding, StringComparison.Ordinal);
        Assert.Contains("${OPENROUTER_API_KEY}", inline.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-or-inline-secret-1234", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(after, f => f.Id == "secrets.inline");
    }

    [Fact]
    public async Task ControlUiOrigins_NoneConfigured_IsInfo()
    {
        using var state = State();

        var finding = Assert.Single(await Findings(state), f => f.Id == "gateway.controlUi.origins");

        Assert.Equal("info", finding.Severity);
    }

    [Fact]
    public async Task WritableSkills_High_FixRemovesGroupAndOtherWrite()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        using var state = State();
        var skills = Directory.CreateDirectory(Path.Combine(state.StateDir, "workspace", "skills", "weather")).FullName;
        File.WriteAllText(Path.Combine(skills, "SKILL.md"), "---\nname: weather\n---\n");
        File.SetUnixFileMode(skills, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(Path.Combine(skills, "SKILL.md"), (UnixFileMode)0b110_110_100);

        var before = Assert.Single(await Findings(state), f => f.Id == "skills.writable");
        var (exit, stdout, _) = await Audit(state, "--fix");

        Assert.Equal("high", before.Severity);
        Assert.Equal(0, exit);
        Assert.Contains("fixed skills.writable", stdout, StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(skills));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(Path.Combine(skills, "SKILL.md")));
    }

    [Fact]
    public async Task Json_HasFindingsSummaryAndFixed()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        using var state = State("{ gateway: { bind: \"lan\" }, tools: { exec: { security: \"full\", ask: \"off\" } } }");
        File.SetUnixFileMode(state.StateDir, Mode755);

        var (exit, stdout, _) = await Audit(state, "--json", "--fix");

        Assert.Equal(1, exit); // exec stays: --fix never edits the config
        using var json = JsonDocument.Parse(stdout);
        var fixedIds = json.RootElement.GetProperty("fixed").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Equal(["gateway.bind.no-token", "state.permissions"], fixedIds.Order());
        var remaining = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Equal(["tools.exec.full-unsandboxed", "gateway.controlUi.origins"], remaining);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("high").GetInt32());
        Assert.Contains("tools.exec.security: \\\"allowlist\\\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_Fix_MakesStatePrivate_AndSaysWhatItChanged()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        using var state = State("{}"); // no provider key: nothing is probed over the network
        File.SetUnixFileMode(state.StateDir, Mode755);
        File.SetUnixFileMode(state.ConfigPath, Mode644);

        var before = await InProcessCli.RunAsync(state.Environment, "doctor");
        Assert.Contains($"[warn] state: {state.ConfigPath} is readable by other users (644)", before.Stdout, StringComparison.Ordinal);
        var (_, stdout, _) = await InProcessCli.RunAsync(state.Environment, "doctor", "--fix");

        Assert.Contains($"[fixed] state: chmod 700 '{state.StateDir}'", stdout, StringComparison.Ordinal);
        Assert.Contains($"[fixed] state: chmod 600 '{state.ConfigPath}'", stdout, StringComparison.Ordinal);
        Assert.Contains($"[ok  ] state: {state.StateDir} is private (0700)", stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state.ConfigPath));
    }

    [Fact]
    public async Task SecretReferences_AreNotInlineSecrets_AndAKeyVaultTokenIsNotJudgedOffline()
    {
        var secrets = Directory.CreateTempSubdirectory("moltbot-audit-secrets-");
        try
        {
            var keyFile = Path.Combine(secrets.FullName, "openai-api-key");
            await File.WriteAllTextAsync(keyFile, "sk-from-a-file-0123456789", TestContext.Current.CancellationToken);
            using var state = State($$"""
                {
                  gateway: { bind: "lan", auth: { token: { source: "keyvault", uri: "https://v.vault.azure.net/secrets/gateway-token" } } },
                  models: { providers: { openai: { apiKey: { source: "file", path: "{{keyFile}}" } } } },
                }
                """);

            var findings = await Findings(state);

            Assert.DoesNotContain(findings, f => f.Id is "secrets.inline" or "gateway.bind.no-token" or "gateway.token.weak");
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }
}
