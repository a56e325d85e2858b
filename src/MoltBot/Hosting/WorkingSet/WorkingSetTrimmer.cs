namespace MoltBot.Hosting.WorkingSet;

/// <summary>
/// The trim itself (Linux only). A compacting full GC first (it returns the start-up garbage's heap, and the GC's own
/// code it faults in is dropped next), then <c>madvise(MADV_DONTNEED)</c> on the clean, read-only mappings of the executable and its libraries
/// (<see cref="TrimPlan"/>). Most of their resident pages were mapped at start-up by the kernel's fault-around or used
/// only then (DI, config, migrations, the runtime's dehydrated data); code still in use faults back in from the page cache.
/// </summary>
internal static class WorkingSetTrimmer
{
    public static WorkingSetTrimResult Trim()
    {
        var (rssBefore, anonBefore) = Status();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var (rssAfterGc, anonAfterGc) = Status();
        var executable = new FileInfo("/proc/self/exe").LinkTarget ?? throw new InvalidOperationException("/proc/self/exe has no target");
        var droppable = TrimPlan.Droppable(Smaps.Parse(File.ReadAllText("/proc/self/smaps")), executable);
        foreach (var mapping in droppable)
        {
            LinuxMemory.DropPages(mapping.Start, mapping.Length);
        }
        var (rssAfter, _) = Status();
        return new WorkingSetTrimResult(rssBefore, rssAfterGc, rssAfter, anonBefore, anonAfterGc, droppable.Count);
    }

    private static (long Rss, long Anon) Status()
    {
        var status = File.ReadAllText("/proc/self/status");
        return (Smaps.StatusKb(status, "VmRSS") ?? throw new InvalidOperationException("/proc/self/status has no VmRSS"),
            Smaps.StatusKb(status, "RssAnon") ?? 0);
    }
}
