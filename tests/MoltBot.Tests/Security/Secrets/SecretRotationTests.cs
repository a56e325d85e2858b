using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;
using MoltBot.Security.Audit;
using MoltBot.Security.Secrets;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Azure;
using MoltBot.TestSupport.Discord;
using MoltBot.Tests.Configuration;
using MoltBot.Tests.Gateway.Security;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Security.Secrets;

/// <summary>
/// Rotation without restart, through the real gateway: a secret file changes (or Key Vault gets a new version), the
/// fake clock passes the poll interval, and the next call carries the new value. Nothing is restarted.
/// </summary>
public sealed class SecretRotationTests : IAsyncLifetime
{
    private const string OldKey = "sk-rotation-old-key-0001";
    private const string NewKey = "sk-rotation-new-key-0002";

    private readonly TempDirectory _secrets = new();
    private readonly RecordingTimeProvider _time = new();
    private readonly RecordingAuditLog _audit = new();
    private FakeOpenAiServer _llm = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TimeSpan Poll => SecretRotationService.FilePollInterval;

    public async ValueTask InitializeAsync() => _llm = await FakeOpenAiServer.StartAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        await _llm.DisposeAsync();
        _secrets.Dispose();
    }

    /// <summary>The config file as a user writes it, with <paramref name="apiKey"/> as the fake provider's key; loaded by the real loader.</summary>
    private MoltBotConfig Load(TempState state, string apiKey)
    {
        File.WriteAllText(state.ConfigPath, $$"""
            {
              gateway: { auth: { token: "{{GatewayHarness.Token}}" } },
              agents: { defaults: { model: "{{GatewayHarness.Model}}" } },
              models: { providers: { fake: { api: "openai-completions", baseUrl: "{{_llm.BaseUrl}}", apiKey: {{apiKey}}, models: [{ id: "gpt-test" }] } } },
            }
            """);
        var config = state.Load().Config;
        return config with { Gateway = config.Gateway with { Port = 0 } };
    }

    private Task<GatewayHarness> StartAsync(TempState state, MoltBotConfig config, Azure.Core.TokenCredential? credential = null) =>
        GatewayHarness.StartAsync(state.StateDir, config, _time, s => s.AddSingleton<IAuditLog>(_audit), credential is null ? null : () => credential);

    private Task<string?> AuthorizationOfNextCallAsync(GatewayHarness gateway) => AuthorizationOfNextCallAsync(gateway.Http);

    private async Task<string?> AuthorizationOfNextCallAsync(HttpClient http)
    {
        _llm.EnqueueText("ok");
        Assert.Equal("ok", await GatewayChat.AskAsync(http, "hi"));
        return _llm.Requests[^1].Header("Authorization");
    }

    /// <summary>Waits for the rotation loop's n-th poll timer, then moves the clock past it.</summary>
    private async Task PollAsync(int n)
    {
        await _time.WaitForTimerAsync(Poll, n, Ct);
        _time.Advance(Poll);
    }

    private async Task WaitForReloadAsync(int count)
    {
        while (_audit.OfType(AuditEventTypes.SecretReloaded).Count < count)
        {
            await Task.Delay(10, Ct); // waits for the event, bounded by the test's cancellation; no timing assumed
        }
    }

    [Fact]
    public async Task RotatedKeyFile_IsSentWithTheNextModelCall_WithoutRestart_AndAudited()
    {
        var keyFile = _secrets.Combine("openai-api-key");
        await File.WriteAllTextAsync(keyFile, OldKey + "\n", Ct);
        using var state = new TempState();
        await using var gateway = await StartAsync(state, Load(state, $$"""{ source: "file", path: "{{keyFile}}" }"""));

        Assert.Equal("Bearer " + OldKey, await AuthorizationOfNextCallAsync(gateway));

        await File.WriteAllTextAsync(keyFile, NewKey + "\n", Ct);
        await PollAsync(1);
        await WaitForReloadAsync(1);

        Assert.Equal("Bearer " + NewKey, await AuthorizationOfNextCallAsync(gateway));
        var reload = Assert.Single(_audit.OfType(AuditEventTypes.SecretReloaded));
        Assert.Equal(("file", "models.providers.fake.apiKey"), (reload.Actor, reload.Detail));
        Assert.Contains("secret models.providers.fake.apiKey reloaded from file:" + keyFile, gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(NewKey, gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(OldKey, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingKeyFile_KeepsThePreviousKey_AndSaysSoOnce()
    {
        var keyFile = _secrets.Combine("openai-api-key");
        await File.WriteAllTextAsync(keyFile, OldKey, Ct);
        using var state = new TempState();
        await using var gateway = await StartAsync(state, Load(state, $$"""{ source: "file", path: "{{keyFile}}" }"""));

        File.Delete(keyFile);
        await PollAsync(1);
        await PollAsync(2);
        await _time.WaitForTimerAsync(Poll, 3, Ct);

        Assert.Equal("Bearer " + OldKey, await AuthorizationOfNextCallAsync(gateway));
        Assert.Single(gateway.Output.Split('\n'), l => l.Contains("could not be re-read", StringComparison.Ordinal));
        Assert.Empty(_audit.OfType(AuditEventTypes.SecretReloaded));
    }

    [Fact]
    public async Task KeyVaultSecret_IsFetchedAtStart_AndItsNewVersionWithinAMinute()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(Ct);
        vault.SetSecret("openai-api-key", OldKey);
        var credential = new StaticTokenCredential(FakeKeyVaultServer.AccessToken);
        using var state = new TempState();
        await using var gateway = await StartAsync(state, Load(state, $$"""{ source: "keyvault", uri: "{{vault.SecretUri("openai-api-key")}}" }"""), credential);

        Assert.Equal("Bearer " + OldKey, await AuthorizationOfNextCallAsync(gateway));
        var first = Assert.Single(vault.Requests);
        Assert.Equal(("/secrets/openai-api-key", "?api-version=7.4", "Bearer " + FakeKeyVaultServer.AccessToken), (first.Path, first.Query, first.Header("Authorization")));
        Assert.Equal([KeyVaultSecretClient.Scope], credential.Scopes);

        vault.SetSecret("openai-api-key", NewKey);
        await PollAsync(1); // 30 s: files only
        await _time.WaitForTimerAsync(Poll, 2, Ct);
        Assert.Single(vault.Requests);
        _time.Advance(Poll); // 60 s: Key Vault too
        await WaitForReloadAsync(1);

        Assert.Equal("Bearer " + NewKey, await AuthorizationOfNextCallAsync(gateway));
        Assert.Equal(("keyvault", "models.providers.fake.apiKey"), (_audit.OfType(AuditEventTypes.SecretReloaded)[0].Actor, _audit.OfType(AuditEventTypes.SecretReloaded)[0].Detail));
        Assert.DoesNotContain(NewKey, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KEYVAULT_VariablesAlone_StartTheGateway_AndTheirNewVersionsAreUsedWithoutRestart()
    {
        const string oldToken = "fake-kv-gateway-token-0000";
        const string newToken = "fake-kv-gateway-token-0001";
        const string oldKey = "fake-kv-openrouter-key-0000";
        const string newKey = "fake-kv-openrouter-key-0001";
        await using var vault = await FakeKeyVaultServer.StartAsync(Ct);
        vault.SetSecret("gateway-token", oldToken);
        vault.SetSecret("openrouter-api-key", oldKey);
        // What the Bicep's Key Vault mode sets: secret variables as _KEYVAULT URIs, no secret value in the environment.
        using var state = new TempState(null,
            ("MOLTBOT_GATEWAY_TOKEN_KEYVAULT", vault.SecretUri("gateway-token")),
            ("OPENROUTER_API_KEY_KEYVAULT", vault.SecretUri("openrouter-api-key")));
        // The one file setting: the built-in OpenRouter provider talks to the fake model server instead of openrouter.ai.
        await File.WriteAllTextAsync(state.ConfigPath, $$"""{ models: { providers: { openrouter: { baseUrl: "{{_llm.BaseUrl}}" } } } }""", Ct);
        var config = state.Load().Config;
        await using var gateway = await StartAsync(state, config with { Gateway = config.Gateway with { Port = 0 } }, new StaticTokenCredential(FakeKeyVaultServer.AccessToken));
        using var client = Client(gateway, oldToken);

        Assert.Equal("Bearer " + oldKey, await AuthorizationOfNextCallAsync(client));

        vault.SetSecret("gateway-token", newToken);
        vault.SetSecret("openrouter-api-key", newKey);
        await PollAsync(1);
        await PollAsync(2);
        await WaitForReloadAsync(2);

        using (var old = await client.GetAsync("/api/status", Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, old.StatusCode);
        }
        using var rotated = Client(gateway, newToken);
        Assert.Equal("Bearer " + newKey, await AuthorizationOfNextCallAsync(rotated));
        Assert.Equal(["gateway.auth.token", "models.providers.openrouter.apiKey"], _audit.OfType(AuditEventTypes.SecretReloaded).Select(e => e.Detail).Order());
        Assert.All([oldToken, newToken, oldKey, newKey], secret => Assert.DoesNotContain(secret, gateway.Output, StringComparison.Ordinal));
    }

    private static HttpClient Client(GatewayHarness gateway, string token)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseUri };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task PinnedKeyVaultVersion_IsNotPolled()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(Ct);
        var version = vault.SetSecret("openai-api-key", OldKey);
        vault.SetSecret("openai-api-key", NewKey);
        using var state = new TempState();
        await using var gateway = await StartAsync(state, Load(state, $$"""{ source: "keyvault", uri: "{{vault.SecretUri("openai-api-key", version)}}" }"""),
            new StaticTokenCredential(FakeKeyVaultServer.AccessToken));

        Assert.Equal("Bearer " + OldKey, await AuthorizationOfNextCallAsync(gateway));
        Assert.Single(vault.Requests);
        Assert.Equal([], _time.DueTimes.Where(t => t == Poll)); // nothing rotates: no poll loop at all
    }

    [Fact]
    public async Task UnreadableKeyVaultSecret_StopsTheStart_WithAConfigErrorNamingTheKey()
    {
        await using var vault = await FakeKeyVaultServer.StartAsync(Ct);
        using var state = new TempState();
        var config = Load(state, $$"""{ source: "keyvault", uri: "{{vault.SecretUri("missing-secret")}}" }""");

        var error = await Assert.ThrowsAsync<ConfigException>(() => StartAsync(state, config, new StaticTokenCredential(FakeKeyVaultServer.AccessToken)));

        var issue = Assert.Single(error.Issues);
        Assert.Equal("models.providers.fake.apiKey", issue.Key);
        Assert.Contains("HTTP 404 SecretNotFound", issue.Message, StringComparison.Ordinal);
        Assert.Contains("Check the vault and secret name", issue.Fix, StringComparison.Ordinal);

        var denied = await Assert.ThrowsAsync<ConfigException>(() => StartAsync(state, config, new StaticTokenCredential("not-the-vault-token")));
        Assert.Contains("Key Vault Secrets User", Assert.Single(denied.Issues).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatedDiscordTokenFile_ReIdentifiesWithTheNewToken()
    {
        await using var discord = await FakeDiscordServer.StartAsync(Ct);
        var tokenFile = _secrets.Combine("discord-token");
        await File.WriteAllTextAsync(tokenFile, discord.Token + "\n", Ct);
        using var state = new TempState();
        var config = GatewayHarness.Config(_llm) with
        {
            Channels = new ChannelsConfig
            {
                Discord = new DiscordChannelConfig
                {
                    Token = new SecretValue(discord.Token, "test", new SecretReference(SecretSourceKind.File, tokenFile)),
                    ApiBaseUrl = discord.ApiBaseUrl,
                },
            },
        };
        await using var gateway = await StartAsync(state, config);
        await discord.SessionsReady.WaitAsync(1, Ct);

        discord.Token = "rotated-discord-bot-token-0002";
        await File.WriteAllTextAsync(tokenFile, discord.Token + "\n", Ct);
        await PollAsync(1);
        await discord.SessionsReady.WaitAsync(2, Ct);

        Assert.Equal(2, discord.IdentifyCount);
        Assert.Equal(discord.Token, discord.IdentifyPayloads[^1]["token"]!.GetValue<string>());
        Assert.Equal("channels.discord.token", Assert.Single(_audit.OfType(AuditEventTypes.SecretReloaded)).Detail);
        Assert.DoesNotContain(discord.Token, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatedGatewayTokenFile_IsTheOnlyTokenAcceptedFromTheNextRequest()
    {
        const string newToken = "rotated-gateway-token-0123456789abcdefXYZ";
        var tokenFile = _secrets.Combine("gateway-token");
        await File.WriteAllTextAsync(tokenFile, GatewayHarness.Token + "\n", Ct);
        using var state = new TempState();
        var config = GatewayHarness.Config(_llm);
        config = config with
        {
            Gateway = config.Gateway with { Auth = config.Gateway.Auth with { Token = new SecretValue(GatewayHarness.Token, "test", new SecretReference(SecretSourceKind.File, tokenFile)) } },
        };
        await using var gateway = await StartAsync(state, config);
        using (var before = await gateway.Http.GetAsync("/api/status", Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, before.StatusCode);
        }

        await File.WriteAllTextAsync(tokenFile, newToken + "\n", Ct);
        await PollAsync(1);
        await WaitForReloadAsync(1);

        using (var old = await gateway.Http.GetAsync("/api/status", Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, old.StatusCode);
        }
        using var rotated = Client(gateway, newToken);
        using (var now = await rotated.GetAsync("/api/status", Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, now.StatusCode);
        }
        await using var socket = await MoltBot.TestSupport.Gateway.GatewaySocketClient.ConnectAsync(gateway.BaseUri, newToken, Ct);
        Assert.Equal("gateway.auth.token", Assert.Single(_audit.OfType(AuditEventTypes.SecretReloaded)).Detail);
        Assert.DoesNotContain(newToken, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedTelegramTokenFromAFile_WaitsForTheRotatedToken_InsteadOfStoppingForGood()
    {
        await using var telegram = await MoltBot.TestSupport.Telegram.FakeTelegramServer.StartAsync(ct: Ct);
        var tokenFile = _secrets.Combine("telegram-token");
        await File.WriteAllTextAsync(tokenFile, "999:revoked-token\n", Ct);
        using var state = new TempState();
        var config = MoltBot.Tests.Channels.Telegram.TelegramTestGateway.Config(_llm, telegram,
            c => c with { BotToken = new SecretValue("999:revoked-token", "test", new SecretReference(SecretSourceKind.File, tokenFile)) });
        await using var gateway = await StartAsync(state, config);
        await telegram.WaitForCallAsync("getMe", 1, Ct);
        while (System.Text.Json.Nodes.JsonNode.Parse(await gateway.Http.GetStringAsync("/api/status", Ct))!["channels"]![0]!["stopped"]!.GetValue<bool>() is false)
        {
            await Task.Delay(10, Ct);
        }

        await File.WriteAllTextAsync(tokenFile, telegram.Token + "\n", Ct);
        await PollAsync(1);
        await telegram.WaitForCallAsync("getUpdates", 1, Ct);

        Assert.Equal(2, telegram.Calls.Count(c => c == "getMe"));
        Assert.Equal("channels.telegram.botToken", Assert.Single(_audit.OfType(AuditEventTypes.SecretReloaded)).Detail);
        Assert.DoesNotContain(telegram.Token, gateway.Output, StringComparison.Ordinal);
    }
}
