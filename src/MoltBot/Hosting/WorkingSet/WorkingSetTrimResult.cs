namespace MoltBot.Hosting.WorkingSet;

/// <summary>
/// What one trim did, in kB from <c>/proc/self/status</c>: RSS before, after the compacting GC and at the end; the
/// anonymous part (RssAnon) before and after the GC; and how many clean mappings were dropped.
/// </summary>
internal sealed record WorkingSetTrimResult(long RssBeforeKb, long RssAfterGcKb, long RssAfterKb, long AnonBeforeKb, long AnonAfterGcKb, int Mappings)
{
    public double ReleasedMb => Mb(RssBeforeKb - RssAfterKb);
    public double BeforeMb => Mb(RssBeforeKb);
    public double AfterMb => Mb(RssAfterKb);

    /// <summary>The binary's pages the madvise step released (RSS after the GC minus RSS at the end).</summary>
    public double PagesMb => Mb(RssAfterGcKb - RssAfterKb);

    /// <summary>Anonymous memory (heap) the compacting GC returned.</summary>
    public double HeapMb => Mb(AnonBeforeKb - AnonAfterGcKb);

    private static double Mb(long kb) => Math.Round(kb / 1024.0, 1);
}
