using MoltBot.Configuration;
using MoltBot.Security.Redaction;

namespace MoltBot.Tests.Configuration;

/// <summary><c>mcp.servers.&lt;name&gt;</c>: stdio and HTTP entries, <c>${VAR}</c> in env and headers (secrets), and the rules.</summary>
public sealed class McpConfigTests
{
    [Fact]
    public void Load_StdioAndHttpServers_BuildsRecords_WithSubstitutedSecretValues()
    {
        using var state = new TempState("""
            {
              mcp: { servers: {
                files: { command: 'npx', args: ['-y', '@scope/files'], env: { FILES_TOKEN: '${FILES_TOKEN}' } },
                remote: { url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${REMOTE_KEY}' }, timeoutSeconds: 5, enabled: false },
              } },
            }
            """, ("FILES_TOKEN", "files-secret-123"), ("REMOTE_KEY", "remote-secret-456"));

        var loaded = state.Load();

        var files = loaded.Config.Mcp.Servers["files"];
        Assert.Equal(("npx", "stdio", true, McpServerConfig.DefaultTimeoutSeconds), (files.Command, files.Transport, files.Enabled, files.TimeoutSeconds));
        Assert.Equal(["-y", "@scope/files"], files.Args);
        Assert.Equal("files-secret-123", files.Env["FILES_TOKEN"].Value);
        var remote = loaded.Config.Mcp.Servers["remote"];
        Assert.Equal(("https://mcp.example.com/mcp", "http", false, 5), (remote.Url, remote.Transport, remote.Enabled, remote.TimeoutSeconds));
        Assert.Equal("Bearer remote-secret-456", remote.Headers["Authorization"].Value);
        var redactor = new KnownSecretsRedactor(loaded.Values.Where(v => v.IsSecret && v.Value is string).Select(v => (string)v.Value));
        Assert.Equal("env [REDACTED], header [REDACTED]", redactor.Redact("env files-secret-123, header Bearer remote-secret-456"));
    }

    [Fact]
    public void Load_ServerWithNeitherOrBothTransports_OrABadName_IsAnError()
    {
        using var state = new TempState("""
            {
              mcp: { servers: {
                empty: { enabled: true },
                both: { command: 'x', url: 'http://127.0.0.1:1/mcp' },
                bad__name: { command: 'x' },
                ftp: { url: 'ftp://example.com' },
              } },
            }
            """);

        var issues = state.LoadIssues();

        Assert.Contains(issues, i => i.Message.Contains("'empty' has neither command nor url", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Message.Contains("'both' has both command and url", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Message.Contains("not an http(s) URL", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Message.Contains("'bad__name' cannot be part of a tool name", StringComparison.Ordinal));
    }
}
