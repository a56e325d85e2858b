using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Gateway;

namespace MoltBot.Hosting.WorkingSet;

/// <summary>
/// Once per run, <see cref="SettleDelay"/> after the gateway is ready (channels started), trims the working set
/// (<see cref="WorkingSetTrimmer"/>) and logs how much it released. Off Linux, or on any failure, it logs at debug and
/// does nothing else: it never stops or delays the gateway.
/// </summary>
internal sealed partial class WorkingSetTrimService(GatewayReadiness readiness, TimeProvider time, ILogger<WorkingSetTrimService> logger) : BackgroundService
{
    /// <summary>Lets the channels connect and the first requests pass before the start-up pages are dropped.</summary>
    internal static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(10);

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
            LogTrimmed(logger, result.ReleasedMb, result.BeforeMb, result.AfterMb, result.PagesMb, result.Mappings, result.HeapMb);
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

    [LoggerMessage(EventId = 2, EventName = EventNames.WorkingSetTrimSkipped, Level = LogLevel.Debug, Message = "working set not trimmed: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);
}
