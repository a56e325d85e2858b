namespace MoltBot.Hosting.WorkingSet;

/// <summary>What one trim did: RSS (<c>VmRSS</c>, kB) before and after each step, and the resident kB of the mappings dropped.</summary>
internal sealed record WorkingSetTrimResult(long RssBeforeKb, long RssAfterGcKb, long RssAfterNativeHeapKb, long RssAfterKb, long DroppedKb, int Mappings)
{
    public double ReleasedMb => Mb(RssBeforeKb - RssAfterKb);
    public double BeforeMb => Mb(RssBeforeKb);
    public double AfterMb => Mb(RssAfterKb);
    public double GcMb => Mb(RssBeforeKb - RssAfterGcKb);
    public double NativeHeapMb => Mb(RssAfterGcKb - RssAfterNativeHeapKb);
    public double PagesMb => Mb(RssAfterNativeHeapKb - RssAfterKb);

    private static double Mb(long kb) => Math.Round(kb / 1024.0, 1);
}
