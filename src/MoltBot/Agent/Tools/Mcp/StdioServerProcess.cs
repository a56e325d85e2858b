using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MoltBot.Agent.Tools.Mcp;

/// <summary>
/// A stdio MCP server's process, started here and spoken to through the SDK's stream transport. The SDK's own stdio
/// transport can throw a failed send before the dead server has been reaped and its stderr read, and the reason the
/// server gave was lost; owning the process lets a failure be explained once both have happened
/// (<see cref="ExplainAsync"/>). One instance starts one process: each connection attempt builds a new one.
/// </summary>
internal sealed class StdioServerProcess : IClientTransport, IAsyncDisposable
{
    /// <summary>How long a server gets to exit once its stdin is closed, and how long an explanation waits for its end.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ProcessStartInfo _start;
    private readonly StderrTail _stderr = new();
    private Process? _process;
    private Task? _ended;
    private Task? _stopped;
    private int? _exitCode;

    public StdioServerProcess(string name, string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        Name = name;
        _start = new ProcessStartInfo(command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in arguments)
        {
            _start.ArgumentList.Add(argument);
        }
        // Nothing inherited beyond what McpServerEnvironment chose.
        _start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            _start.Environment[key] = value;
        }
    }

    public string Name { get; }

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("a StdioServerProcess starts one process; build a new one to reconnect.");
        }
        var process = new Process { StartInfo = _start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _stderr.Add(line);
            }
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new McpServerException($"could not start '{_start.FileName}': {ex.Message}");
        }
        _process = process;
        process.BeginErrorReadLine();
        var session = await new StreamClientTransport(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, NullLoggerFactory.Instance)
            .ConnectAsync(cancellationToken);
        return new Session(session, this);
    }

    /// <summary>
    /// <paramref name="failure"/>, told as the process's exit when it has exited, followed by the last lines it wrote to
    /// stderr: <c>the server process exited with code 3 (failure); stderr: a | b</c>. Waits (at most the shutdown
    /// timeout) for the process to end and for its stderr to be read to the end.
    /// </summary>
    public async Task<string> ExplainAsync(string failure)
    {
        await EndedAsync();
        var told = _exitCode is { } code ? $"the server process exited with code {code} ({failure})" : failure;
        return told + _stderr.Describe();
    }

    /// <summary>Stops the process, once, however many times the client and the connection let it go.</summary>
    public ValueTask DisposeAsync() => new(_stopped ??= StopAsync());

    /// <summary>Closes the server's stdin, gives it the shutdown timeout to exit, then kills its whole process tree.</summary>
    private async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        try
        {
            process.StandardInput.Close();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The server already closed its end, or the session closed ours.
        }
        await EndedAsync();
        if (_exitCode is null)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
            {
                // It exited meanwhile.
            }
            await WaitForEndAsync(); // records the exit code for a later explanation
        }
        process.Dispose();
    }

    /// <summary>
    /// Until the process has exited and its stderr has been read to the end (what <c>WaitForExitAsync</c> waits for), or
    /// the shutdown timeout: real time, like the timeout itself, so an injected test clock cannot stall a shutdown.
    /// </summary>
    private Task EndedAsync() => _ended ??= WaitForEndAsync();

    private async Task WaitForEndAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        using var timeout = new CancellationTokenSource(ShutdownTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            _exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            // Still running, or a child it left behind holds its stderr open.
            if (process.HasExited)
            {
                _exitCode = process.ExitCode;
            }
        }
    }

    /// <summary>The SDK's stream session, which also stops the process when the client lets it go.</summary>
    private sealed class Session(ITransport inner, StdioServerProcess owner) : ITransport
    {
        public string? SessionId => inner.SessionId;

        public ChannelReader<JsonRpcMessage> MessageReader => inner.MessageReader;

        public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) =>
            inner.SendMessageAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await owner.DisposeAsync();
        }
    }
}
