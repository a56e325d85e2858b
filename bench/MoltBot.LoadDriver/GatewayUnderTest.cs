using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace MoltBot.LoadDriver;

/// <summary>The real <c>moltbot gateway</c> process over a private state folder, configured like a user would (JSON5 file + env).</summary>
internal sealed class GatewayUnderTest : IAsyncDisposable
{
    public const string Token = "bench-gateway-token-0123456789abcdef";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private GatewayUnderTest(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromMinutes(5) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public int Port { get; }

    public Uri BaseUri { get; }

    public HttpClient Http { get; }

    public int Pid => _process.Id;

    /// <summary>Resident memory now, in MB (VmRSS).</summary>
    public double RssMb => ReadStatusKb("VmRSS:") / 1024.0;

    /// <summary>The anonymous part of <see cref="RssMb"/> (RssAnon: heaps, stacks, runtime data), in MB. The rest is code and
    /// read-only data mapped from the binary and libraries: shared, clean, and reclaimable by the kernel.</summary>
    public double RssAnonMb => ReadStatusKb("RssAnon:") / 1024.0;

    /// <summary>CPU time the process has used (user + system, all threads): unlike latency, barely moved by other load on the machine.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // /proc/<pid>/stat: the command may contain spaces, so count fields after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
    }

    /// <summary>Peak resident memory since start, in MB (VmHWM).</summary>
    public double PeakRssMb => ReadStatusKb("VmHWM:") / 1024.0;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Writes the target's config and starts it; does not wait for readiness.</summary>
    public static GatewayUnderTest Start(Target target, string stateDir, Uri llmBaseUrl, TelegramFake? telegram = null)
    {
        Directory.CreateDirectory(stateDir);
        var port = FreePort();
        var info = target.Prepare(stateDir, port, llmBaseUrl, telegram);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var gateway = new GatewayUnderTest(process, port);
        process.OutputDataReceived += (_, e) => gateway.Append(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return gateway;
    }

    /// <summary>Polls <c>/ready</c> (every millisecond or so) until it answers 200; returns the time since <paramref name="since"/>.</summary>
    public async Task<TimeSpan> WaitReadyAsync(long since, TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await probe.GetAsync("ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(since);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
            }
            await Task.Delay(1);
        }
        throw new TimeoutException($"the gateway was not ready within {timeout}:\n{Output}");
    }

    /// <summary>
    /// Waits until the gateway has gone quiet after work and given its memory back: MoltBot logs the trim it runs 5-10 s
    /// after its last message (<c>WorkingSetTrimmedWhenQuiet</c>). A target that logs no such line (the original) gets
    /// the same quiet time, <paramref name="timeout"/>, for its own GC to run.
    /// </summary>
    public async Task SettleAsync(TimeSpan timeout)
    {
        var seen = CountInOutput(QuietTrimLine);
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && CountInOutput(QuietTrimLine) == seen)
        {
            await Task.Delay(100);
        }
    }

    private const string QuietTrimLine = "quiet after work: released";

    private int CountInOutput(string text) => Output.Split(text).Length - 1;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            // SIGTERM: a graceful stop, as systemd or Container Apps would do it.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private long ReadStatusKb(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
