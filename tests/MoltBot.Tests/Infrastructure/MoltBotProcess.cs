using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MoltBot.Tests.Infrastructure;

/// <summary>
/// The real <c>moltbot</c> executable as a child process: the JIT apphost built next to the tests, or the binary in
/// <c>MOLTBOT_BINARY</c> (CI points it at the Native AOT publish). The environment is explicit, never inherited keys.
/// </summary>
public sealed class MoltBotProcess : IAsyncDisposable
{
    private static readonly string[] InheritedVariables = ["PATH", "HOME", "DOTNET_ROOT", "TMPDIR", "LANG"];

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MoltBotProcess(Process process)
    {
        _process = process;
    }

    public static string BinaryPath =>
        Environment.GetEnvironmentVariable("MOLTBOT_BINARY") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "moltbot.exe" : "moltbot");

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public int ProcessId => _process.Id;

    public static MoltBotProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment.Clear();
        foreach (var name in InheritedVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var wrapper = new MoltBotProcess(process);
        process.OutputDataReceived += (_, e) => Append(wrapper._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(wrapper._stderr, e.Data);
        process.Exited += (_, _) => wrapper._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Runs a CLI verb to completion and returns its exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        await using var process = Start(arguments, environment);
        await process._exited.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        process._process.WaitForExit(); // drains the redirected streams
        return (process._process.ExitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Waits until stdout contains <paramref name="text"/>; fails early if the process exits first.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMinutes(1)); // a hang guard, not a performance assertion
        while (!Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"moltbot exited ({_process.ExitCode}) before printing '{text}'.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }
            await Task.Delay(20, cts.Token);
        }
    }

    /// <summary>Asks for a graceful stop (SIGTERM, what <c>docker stop</c> and Container Apps send) and waits for the exit.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        await _exited.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        _process.WaitForExit(); // drains the redirected streams
    }

    /// <summary>Kills the process (SIGKILL: no shutdown code runs, as with the OOM killer or a power cut) and waits for the exit.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _exited.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        _process.WaitForExit();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
