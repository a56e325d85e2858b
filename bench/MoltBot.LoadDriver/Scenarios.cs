using System.Diagnostics;
using System.Text.Json.Nodes;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Gateway;
using MoltBot.TestSupport.Telegram;

namespace MoltBot.LoadDriver;

/// <summary>The measurements of issue 3, each against the real binary and the fakes on 127.0.0.1.</summary>
internal sealed class Scenarios(Target target, Report report, string workDir)
{
    private string build => target.Build;

    /// <summary>Process start → <c>/ready</c> answered: one cold start (fresh state) then the median of <paramref name="runs"/> warm starts.</summary>
    public async Task StartupAsync(int runs)
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        var state = NewStateDir("startup");
        var samples = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var gateway = GatewayUnderTest.Start(target, state, llm.BaseUrl);
            var ready = await gateway.WaitReadyAsync(started, TimeSpan.FromSeconds(180));
            if (i == 0)
            {
                report.Add(new Measurement("start-up", build, "cold (first start, empty state)", ready.TotalMilliseconds, "ms"));
            }
            else
            {
                samples.Add(ready.TotalMilliseconds);
            }
        }
        report.Add(new Measurement("start-up", build, $"ready, median of {runs}", new Stats(samples).P50, "ms", build == "aot" ? "< 100" : ""));
    }

    /// <summary>RSS after idling with Telegram connected to the fake, then after many messages, then after as many again (growth).</summary>
    public async Task MemoryAndOverheadAsync(int idleSeconds, int messages)
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.KeepRequests = false;
        await using var telegram = await FakeTelegramServer.StartAsync();
        var started = Stopwatch.GetTimestamp();
        await using var gateway = GatewayUnderTest.Start(target, NewStateDir("memory"), llm.BaseUrl, new TelegramFake(telegram.ApiRoot, telegram.Token));
        await gateway.WaitReadyAsync(started, TimeSpan.FromSeconds(180));
        report.Add(new Measurement("memory", build, "RSS after start", gateway.RssMb, "MB"));
        Console.WriteLine($"  idling {idleSeconds} s with Telegram long-polling the fake...");
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        report.Add(new Measurement("memory", build, $"RSS after {idleSeconds} s idle, Telegram connected", gateway.RssMb, "MB", "< 40"));
        report.Add(new Measurement("memory", build, "… of which anonymous (heap, stacks, runtime data; the rest is mapped code)", gateway.RssAnonMb, "MB"));

        var perRound = target.HasWebChat ? 2 * messages : messages;
        await OverheadHttpAsync(gateway, llm, messages);
        if (target.HasWebChat)
        {
            await OverheadSocketAsync(gateway, llm, messages);
        }
        report.Add(new Measurement("memory", build, $"RSS after {perRound} messages", gateway.RssMb, "MB"));
        // Growth is measured between quiet points: right after a burst, RSS also holds the burst's garbage (up to a gen0
        // budget, ~25 MB with this machine's cache), so two samples taken there differed by anything from 2 to 10 MB.
        await gateway.SettleAsync(SettleTimeout);
        var afterFirst = gateway.RssMb;
        report.Add(new Measurement("memory", build, $"… once quiet again (5-10 s later)", afterFirst, "MB"));
        await OverheadHttpAsync(gateway, llm, messages, record: false);
        if (target.HasWebChat)
        {
            await OverheadSocketAsync(gateway, llm, messages, record: false);
        }
        await gateway.SettleAsync(SettleTimeout);
        report.Add(new Measurement("memory", build, $"RSS growth over the next {perRound} messages (quiet to quiet)", gateway.RssMb - afterFirst, "MB", "< 10"));
    }

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Many conversations at once against a slow, streaming model.</summary>
    public async Task ConcurrencyAsync(int conversations, int messagesEach, TimeSpan llmLatency)
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.KeepRequests = false;
        llm.Latency = llmLatency;
        llm.DefaultReply = _ => FakeReply.FromText("Streaming a reply of a few tokens so the client sees several deltas.");
        var started = Stopwatch.GetTimestamp();
        await using var gateway = GatewayUnderTest.Start(target, NewStateDir("concurrency"), llm.BaseUrl);
        await gateway.WaitReadyAsync(started, TimeSpan.FromSeconds(180));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = conversations * 2 })
        {
            BaseAddress = gateway.BaseUri,
            Timeout = TimeSpan.FromMinutes(5),
        };
        http.DefaultRequestHeaders.Authorization = gateway.Http.DefaultRequestHeaders.Authorization;

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = conversations }, async (c, ct) =>
        {
            for (var m = 0; m < messagesEach; m++)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("v1/chat/completions", ChatBody($"hello {m}", $"conv-{c}", stream: true), ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    if (!response.IsSuccessStatusCode || !body.Contains("[DONE]", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                    latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        wall.Stop();
        var stats = new Stats(latencies.Select(l => l - llmLatency.TotalMilliseconds));
        var label = $"{conversations} conversations × {messagesEach}";
        report.Add(new Measurement("concurrency", build, $"{label}: throughput", latencies.Count / wall.Elapsed.TotalSeconds, "msg/s"));
        report.Add(new Measurement("concurrency", build, $"{label}: overhead p50 (latency − {llmLatency.TotalMilliseconds:F0} ms model)", stats.P50, "ms"));
        report.Add(new Measurement("concurrency", build, $"{label}: overhead p99", stats.P99, "ms"));
        report.Add(new Measurement("concurrency", build, $"{label}: peak RSS", gateway.PeakRssMb, "MB", "< 300"));
        report.Add(new Measurement("concurrency", build, $"{label}: errors", errors, "", "< 1"));
    }

    public void InstallSize()
    {
        if (target is MoltBotTarget moltbot)
        {
            report.Add(new Measurement("install size", build, "binary", new FileInfo(moltbot.Binary).Length / 1024.0 / 1024.0, "MB", build == "aot" ? "< 40" : ""));
        }
        var folderSize = target.InstallFolders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".dbg", StringComparison.Ordinal) && !f.EndsWith(".pdb", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;
        report.Add(new Measurement("install size", build, "installed files (no symbols)", folderSize, "MB"));
    }

    private Task OverheadHttpAsync(GatewayUnderTest gateway, FakeOpenAiServer llm, int messages, bool record = true) =>
        SequentialOverheadAsync("HTTP API", gateway, llm, messages, record, async i =>
        {
            using var response = await gateway.Http.PostAsync("v1/chat/completions", ChatBody("ping", $"bench-http-{i & 15}", stream: false));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });

    private async Task OverheadSocketAsync(GatewayUnderTest gateway, FakeOpenAiServer llm, int messages, bool record = true)
    {
        await using var client = await GatewaySocketClient.ConnectAsync(gateway.BaseUri, GatewayUnderTest.Token);
        await SequentialOverheadAsync("WebChat WebSocket", gateway, llm, messages, record, async i =>
        {
            var run = await client.ChatAsync("ping", sessionKey: $"agent:main:bench-ws-{i & 15}");
            if (run.State != "final")
            {
                throw new InvalidOperationException($"WebChat turn ended {run.State}: {run.Text}");
            }
        });
    }

    /// <summary>
    /// Sends <paramref name="messages"/> one after another (after <see cref="WarmUp"/> unrecorded ones, over 16 sessions):
    /// each one's latency minus the fake model's time on it, split into the time before and after the model call (the
    /// driver's send and the gateway's work up to the model request; the reply's way back), and the gateway's CPU time per message.
    /// </summary>
    private async Task SequentialOverheadAsync(
        string transport, GatewayUnderTest gateway, FakeOpenAiServer llm, int messages, bool record, Func<int, Task> send)
    {
        var samples = new List<double>(messages);
        var before = new List<double>(messages);
        var after = new List<double>(messages);
        var cpuBefore = TimeSpan.Zero;
        for (var i = -WarmUp; i < messages; i++)
        {
            if (i == 0)
            {
                cpuBefore = gateway.CpuTime;
            }
            var llmBefore = llm.TotalServerTime;
            var begin = Stopwatch.GetTimestamp();
            await send(i);
            var end = Stopwatch.GetTimestamp();
            var total = Stopwatch.GetElapsedTime(begin, end);
            if (i >= 0)
            {
                var (modelStarted, modelEnded) = llm.LastRequestSpan;
                before.Add(Stopwatch.GetElapsedTime(begin, modelStarted).TotalMilliseconds);
                after.Add(Stopwatch.GetElapsedTime(modelEnded, end).TotalMilliseconds);
                samples.Add((total - (llm.TotalServerTime - llmBefore)).TotalMilliseconds);
            }
        }
        if (record)
        {
            var stats = new Stats(samples);
            report.Add(new Measurement("overhead", build, $"{transport}, {messages} sequential: p50", stats.P50, "ms", "< 1"));
            report.Add(new Measurement("overhead", build, $"{transport}, {messages} sequential: p99", stats.P99, "ms", "< 5"));
            report.Add(new Measurement("overhead", build, $"{transport}: … of which before the model call, p50", new Stats(before).P50, "ms"));
            report.Add(new Measurement("overhead", build, $"{transport}: … of which after the model call, p50", new Stats(after).P50, "ms"));
            report.Add(new Measurement("overhead", build, $"{transport}: gateway CPU time per message", (gateway.CpuTime - cpuBefore).TotalMilliseconds / messages, "ms"));
        }
    }

    private const int WarmUp = 50;

    /// <summary>A chat request as API clients send it: the JSON with its length (not chunked, as PostAsJsonAsync would).</summary>
    private ByteArrayContent ChatBody(string text, string user, bool stream)
    {
        var json = new JsonObject
        {
            ["model"] = target.ChatModel,
            ["user"] = user,
            ["stream"] = stream,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
        };
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private string NewStateDir(string name)
    {
        var path = Path.Combine(workDir, $"{build}-{name}-{Guid.NewGuid():n}");
        Directory.CreateDirectory(path);
        return path;
    }
}
