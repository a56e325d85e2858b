namespace MoltBot.Hosting.WorkingSet;

/// <summary>
/// The trim itself (Linux only): drops the resident pages of the executable's clean, read-only mappings with
/// <c>madvise(MADV_DONTNEED)</c>. Most of them were mapped at start-up by the kernel's fault-around or used only then
/// (DI, config, migrations, the runtime's dehydrated data); code still in use faults back in from the page cache.
/// </summary>
internal static class WorkingSetTrimmer
{
    public static WorkingSetTrimResult Trim()
    {
        var before = RssKb();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var afterGc = RssKb();
        LinuxMemory.TrimNativeHeap();
        var afterNativeHeap = RssKb();
        var executable = new FileInfo("/proc/self/exe").LinkTarget ?? throw new InvalidOperationException("/proc/self/exe has no target");
        var droppable = TrimPlan.Droppable(Smaps.Parse(File.ReadAllText("/proc/self/smaps")), executable);
        foreach (var mapping in droppable)
        {
            LinuxMemory.DropPages(mapping.Start, mapping.Length);
        }
        return new WorkingSetTrimResult(before, afterGc, afterNativeHeap, RssKb(), droppable.Sum(m => m.RssKb), droppable.Count);
    }

    private static long RssKb() =>
        Smaps.StatusKb(File.ReadAllText("/proc/self/status"), "VmRSS") ?? throw new InvalidOperationException("/proc/self/status has no VmRSS");
}
