using System.Diagnostics;

namespace MoltBot.Agent.Tools.Exec;

/// <summary>
/// One running command. It starts as the leader of its own session and process group (<c>setsid</c>), so a kill
/// reaches every process it spawned, including ones left in the background. stdout and stderr go into one
/// bounded <see cref="OutputBuffer"/>; stdin is closed.
/// </summary>
internal sealed class ShellProcess : IDisposable
{
    private static readonly string? Setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    private readonly Process _process;
    private readonly Task _pumps;
    private int _killed;

    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _timeProvider;

    private ShellProcess(Process process, OutputBuffer output, TimeProvider timeProvider)
    {
        _process = process;
        _timeProvider = timeProvider;
        Output = output;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, output), PumpAsync(process.StandardError.BaseStream, output));
        Completion = WaitAsync();
    }

    public OutputBuffer Output { get; }

    public int ProcessId => _process.Id;

    /// <summary>The exit code, once the command and everything it left in its process group have ended and the output is read.</summary>
    public Task<int> Completion { get; }

    public bool WasKilled => Volatile.Read(ref _killed) != 0;

    public static ShellProcess Start(ShellLaunch launch, OutputBuffer output, TimeProvider timeProvider)
    {
        var info = new ProcessStartInfo(Setsid ?? launch.FileName)
        {
            WorkingDirectory = launch.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Setsid is not null)
        {
            info.ArgumentList.Add(launch.FileName);
        }
        foreach (var argument in launch.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment.Clear();
        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {launch.FileName}.");
        process.StandardInput.Close();
        return new ShellProcess(process, output, timeProvider);
    }

    /// <summary>Kills the whole process group (and, as a fallback, the process tree). Safe to call more than once.</summary>
    public void Kill()
    {
        if (Completion.IsCompleted)
        {
            return;
        }
        Interlocked.Exchange(ref _killed, 1);
        KillGroup();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private void KillGroup()
    {
        if (Setsid is not null)
        {
            NativeMethods.KillProcessGroup(_process.Id);
        }
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync();
        // Whatever the command left running in its group would hold the pipes open; a finished command takes it along.
        if (Setsid is not null)
        {
            NativeMethods.KillProcessGroup(_process.Id);
        }
        try
        {
            // A process that escaped the group (its own setsid) may keep a pipe open: do not wait for it forever.
            await _pumps.WaitAsync(DrainGrace, _timeProvider);
        }
        catch (TimeoutException)
        {
            // keep what was read
        }
        return _process.ExitCode;
    }

    private static async Task PumpAsync(Stream stream, OutputBuffer output)
    {
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                output.Write(buffer.AsSpan(0, read));
            }
        }
        catch (IOException)
        {
            // the pipe broke because the process was killed
        }
        catch (ObjectDisposedException)
        {
            // disposed while reading
        }
    }
}
