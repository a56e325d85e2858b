using MoltBot.Hosting.WorkingSet;

namespace MoltBot.Tests.Hosting.WorkingSet;

public sealed class TrimPlanTests
{
    private const string Libc = "/usr/lib/x86_64-linux-gnu/libc.so.6";

    private static readonly IReadOnlyList<ProcessMapping> Mappings = Smaps.Parse(SmapsSample.Text);

    [Fact]
    public void Droppable_IsTheResidentReadOnlyMappingsWithoutAnonymousPages_OfTheExecutableAndItsLibraries()
    {
        var droppable = TrimPlan.Droppable(Mappings, SmapsSample.Executable);

        Assert.Equal([(SmapsSample.Executable, "r--p"), (SmapsSample.Executable, "r-xp"), (Libc, "r-xp")], droppable.Select(m => (m.Path, m.Permissions)));
        Assert.Equal(6144 + 12288 + 1100, droppable.Sum(m => m.RssKb));
    }

    [Fact]
    public void Droppable_NeverIncludesWritableOrCopyOnWrittenMappings()
    {
        var droppable = TrimPlan.Droppable(Mappings, SmapsSample.Executable);

        Assert.DoesNotContain(droppable, m => m.IsWritable);
        Assert.DoesNotContain(droppable, m => m.AnonymousKb > 0);
    }

    [Fact]
    public void Droppable_LeavesAnonymousMemoryDeletedFilesAndOtherFilesAlone()
    {
        var mappings = Smaps.Parse("""
            7f0000000000-7f0000100000 r--p 00000000 fe:00 77                         /var/lib/moltbot/data.bin
            Rss:                 256 kB
            Anonymous:             0 kB
            7f0000100000-7f0000200000 r-xp 00000000 fe:00 78                         /usr/lib/libold.so.1 (deleted)
            Rss:                 256 kB
            Anonymous:             0 kB
            7f0000200000-7f0000300000 r--p 00000000 00:00 0
            Rss:                 256 kB
            Anonymous:             0 kB
            7ffd5a100000-7ffd5a102000 r-xp 00000000 00:00 0                          [vdso]
            Rss:                   8 kB
            Anonymous:             0 kB
            """);

        Assert.Empty(TrimPlan.Droppable(mappings, SmapsSample.Executable));
        Assert.DoesNotContain(TrimPlan.Droppable(Mappings, SmapsSample.Executable), m => m.Path.EndsWith("(deleted)", StringComparison.Ordinal));
    }

    [Fact]
    public void Droppable_WithAnotherExecutable_KeepsOnlyTheLibraries()
    {
        var droppable = TrimPlan.Droppable(Mappings, "/usr/bin/other");

        Assert.Equal([Libc], droppable.Select(m => m.Path));
    }
}
