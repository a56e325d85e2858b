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
            LogTrimmed(logger, result.ReleasedMb, result.BeforeMb, result.AfterMb, result.Mappings, result.GcMb, result.NativeHeapMb, result.PagesMb);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the trim: nothing to do.
        }
#pragma warning disable CA1031 // An optimisation: whatever goes wrong, the gateway runs on untrimmed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSkipped(logger, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.WorkingSetTrimmed, Level = LogLevel.Information,
        Message = "released {ReleasedMb} MB of start-up pages (RSS {BeforeMb} → {AfterMb} MB; {Mappings} mappings of the binary; GC {GcMb} MB, malloc_trim {NativeMb} MB, madvise {PagesMb} MB)")]
    private static partial void LogTrimmed(ILogger logger, double releasedMb, double beforeMb, double afterMb, int mappings, double gcMb, double nativeMb, double pagesMb);

    [LoggerMessage(EventId = 2, EventName = EventNames.WorkingSetTrimSkipped, Level = LogLevel.Debug, Message = "working set not trimmed: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);
}
