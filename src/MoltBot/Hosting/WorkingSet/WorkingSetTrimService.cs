using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Gateway;

namespace MoltBot.Hosting.WorkingSet;

/// <summary>
/// <see cref="SettleDelay"/> after the gateway is ready (channels started), trims the working set
/// (<see cref="WorkingSetTrimmer"/>) and logs how much it released; after that, trims again each time the gateway goes
/// quiet after work (<see cref="QuietSpell"/>, checked every <see cref="QuietTick"/>), so an idle gateway is back at its
/// idle size within seconds of its last message. Off Linux, or on any failure, it logs at debug and does nothing else:
/// it never stops or delays the gateway.
/// </summary>
/// <remarks>
/// A trim after work costs a compacting GC of the live heap (tens of ms, off the request path) and the next message
/// faults the dropped code back in from the page cache (a few ms, once).
/// </remarks>
internal sealed partial class WorkingSetTrimService(
    GatewayReadiness readiness, QuietSpell quiet, TimeProvider time, ILogger<WorkingSetTrimService> logger) : BackgroundService
{
    /// <summary>Lets the channels connect and the first requests pass before the start-up pages are dropped.</summary>
    internal static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(10);

    /// <summary>How often activity is checked: a trim follows the last message by one to two ticks.</summary>
    internal static readonly TimeSpan QuietTick = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            LogSkipped(logger, "not Linux");
            return;
        }
        try
        {
            await readiness.WhenReady.WaitAsync(stoppingToken);
            await Task.Delay(SettleDelay, time, stoppingToken);
            var result = await Task.Run(WorkingSetTrimmer.Trim, stoppingToken);
            quiet.Trimmed();
            LogTrimmed(logger, result.ReleasedMb, result.BeforeMb, result.AfterMb, result.PagesMb, result.Mappings, result.HeapMb);

            using var ticks = new PeriodicTimer(QuietTick, time);
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                if (quiet.IsTrimDue())
                {
                    result = await Task.Run(WorkingSetTrimmer.Trim, stoppingToken);
                    quiet.Trimmed();
                    LogTrimmedWhenQuiet(logger, result.ReleasedMb, result.BeforeMb, result.AfterMb, result.HeapMb);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the trim: nothing to do.
        }
        catch (Exception ex) // an optimisation: whatever goes wrong (no /proc, no libc, a seccomp filter), the gateway runs on untrimmed
        {
            LogSkipped(logger, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.WorkingSetTrimmed, Level = LogLevel.Information,
        Message = "released {ReleasedMb} MB of start-up pages (RSS {BeforeMb} → {AfterMb} MB: {PagesMb} MB of {Mappings} clean mappings of the binary and its libraries, {HeapMb} MB of heap after a compacting GC)")]
    private static partial void LogTrimmed(ILogger logger, double releasedMb, double beforeMb, double afterMb, double pagesMb, int mappings, double heapMb);

    [LoggerMessage(EventId = 3, EventName = EventNames.WorkingSetTrimmedWhenQuiet, Level = LogLevel.Information,
        Message = "quiet after work: released {ReleasedMb} MB (RSS {BeforeMb} → {AfterMb} MB, {HeapMb} MB of it heap)")]
    private static partial void LogTrimmedWhenQuiet(ILogger logger, double releasedMb, double beforeMb, double afterMb, double heapMb);

    [LoggerMessage(EventId = 2, EventName = EventNames.WorkingSetTrimSkipped, Level = LogLevel.Debug, Message = "working set not trimmed: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);
}
