using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MoltBot.TestSupport.Azure;

/// <summary>
/// A Key Vault secrets endpoint on 127.0.0.1 speaking the REST API: <c>GET /secrets/{name}[/{version}]?api-version=…</c>
/// with <c>Authorization: Bearer {token}</c>, answering a <c>SecretBundle</c> (<c>{"value","id","attributes"}</c>) or the
/// vault's error envelope (401 without the expected token, 404 for an unknown secret or version).
/// <see cref="SetSecret"/> adds a new version that becomes the latest, as <c>az keyvault secret set</c> does.
/// </summary>
public sealed class FakeKeyVaultServer : IAsyncDisposable
{
    public const string AccessToken = "fake-vault-access-token";

    private readonly ConcurrentDictionary<string, List<(string Version, string Value)>> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private WebApplication? _app;

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string VaultUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeKeyVaultServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeKeyVaultServer();
        var (app, address) = await LoopbackApp.StartAsync(server.HandleAsync, ct);
        server._app = app;
        server.VaultUrl = address;
        return server;
    }

    /// <summary>Stores a new version of <paramref name="name"/>; returns its version id.</summary>
    public string SetSecret(string name, string value)
    {
        var versions = _secrets.GetOrAdd(name, _ => []);
        lock (versions)
        {
            var version = $"v{versions.Count + 1}{Guid.NewGuid():N}"[..12];
            versions.Add((version, value));
            return version;
        }
    }

    /// <summary>The secret's URI without a version (always the latest), as a config reference names it.</summary>
    public string SecretUri(string name, string? version = null) => $"{VaultUrl}/secrets/{name}" + (version is null ? "" : "/" + version);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, ""));

        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        if (headers.GetValueOrDefault("Authorization") != "Bearer " + AccessToken)
        {
            await ErrorAsync(context, 401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
            return;
        }
        if (request.Method != "GET" || segments.Length is < 2 or > 3 || segments[0] != "secrets" || string.IsNullOrEmpty(request.Query["api-version"]))
        {
            await ErrorAsync(context, 400, "BadParameter", "The request URI is not a secret URI.");
            return;
        }
        (string Version, string Value)? found = null;
        if (_secrets.TryGetValue(segments[1], out var versions))
        {
            lock (versions)
            {
                if (segments.Length == 2)
                {
                    found = versions[^1];
                }
                else if (versions.FindIndex(v => v.Version == segments[2]) is var i and >= 0)
                {
                    found = versions[i];
                }
            }
        }
        if (found is not { } secret)
        {
            await ErrorAsync(context, 404, "SecretNotFound", $"A secret with (name/id) {segments[1]} was not found in this key vault.");
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject
        {
            ["value"] = secret.Value,
            ["id"] = $"{VaultUrl}/secrets/{segments[1]}/{secret.Version}",
            ["attributes"] = new JsonObject { ["enabled"] = true, ["recoveryLevel"] = "Recoverable+Purgeable" },
        }.ToJsonString());
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());
    }

    public async ValueTask DisposeAsync() => await LoopbackApp.StopAsync(_app);
}
