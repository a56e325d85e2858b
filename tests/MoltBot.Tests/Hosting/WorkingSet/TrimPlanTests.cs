using MoltBot.Hosting.WorkingSet;

namespace MoltBot.Tests.Hosting.WorkingSet;

public sealed class TrimPlanTests
{
    private static readonly IReadOnlyList<ProcessMapping> Mappings = Smaps.Parse(SmapsSample.Text);

    [Fact]
    public void Droppable_IsTheExecutablesResidentReadOnlyMappingsWithoutAnonymousPages()
    {
        var droppable = TrimPlan.Droppable(Mappings, SmapsSample.Executable);

        Assert.Equal(["r--p", "r-xp"], droppable.Select(m => m.Permissions));
        Assert.Equal(6144 + 12288, droppable.Sum(m => m.RssKb));
    }

    [Fact]
    public void Droppable_NeverIncludesWritableOrCopyOnWrittenMappings()
    {
        var droppable = TrimPlan.Droppable(Mappings, SmapsSample.Executable);

        Assert.DoesNotContain(droppable, m => m.IsWritable);
        Assert.DoesNotContain(droppable, m => m.AnonymousKb > 0);
    }

    [Fact]
    public void Droppable_LeavesOtherFilesAndAnonymousMemoryAlone()
    {
        var droppable = TrimPlan.Droppable(Mappings, SmapsSample.Executable);

        Assert.All(droppable, m => Assert.Equal(SmapsSample.Executable, m.Path));
        Assert.Empty(TrimPlan.Droppable(Mappings, "/usr/bin/other"));
        Assert.Empty(TrimPlan.Droppable(Mappings, ""));
    }
}
