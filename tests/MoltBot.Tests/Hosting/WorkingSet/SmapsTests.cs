using MoltBot.Hosting.WorkingSet;

namespace MoltBot.Tests.Hosting.WorkingSet;

public sealed class SmapsTests
{
    [Fact]
    public void Parse_ReadsEveryMappingWithItsRangePermissionsPathAndSizes()
    {
        var mappings = Smaps.Parse(SmapsSample.Text);

        Assert.Equal(10, mappings.Count);
        var text = mappings[1];
        Assert.Equal(0x55d0c1200000UL, text.Start);
        Assert.Equal(0x55d0c2200000UL, text.End);
        Assert.Equal(16UL * 1024 * 1024, text.Length);
        Assert.Equal("r-xp", text.Permissions);
        Assert.Equal(SmapsSample.Executable, text.Path);
        Assert.Equal(12288, text.RssKb);
        Assert.Equal(0, text.AnonymousKb);
        Assert.False(text.IsWritable);
        Assert.Equal(512, mappings[2].AnonymousKb);
        Assert.True(mappings[3].IsWritable);
        Assert.Equal("[heap]", mappings[6].Path);
        Assert.Equal("[stack]", mappings[^1].Path);
    }

    [Fact]
    public void Parse_KeepsSpacesInAPath_AndAnEmptyPathForAnonymousMappings()
    {
        var mappings = Smaps.Parse("""
            7f1e2b000000-7f1e2b100000 r--p 00000000 fe:00 4242                       /opt/my bot/moltbot (deleted)
            Rss:                 256 kB
            7f1e2c000000-7f1e2c100000 rw-p 00000000 00:00 0
            Rss:                  12 kB
            Anonymous:            12 kB
            """);

        Assert.Equal("/opt/my bot/moltbot (deleted)", mappings[0].Path);
        Assert.Equal(256, mappings[0].RssKb);
        Assert.Equal("", mappings[1].Path);
        Assert.Equal(12, mappings[1].AnonymousKb);
    }

    [Fact]
    public void Parse_ReadsPlainMapsText_WithSizesLeftAtZero()
    {
        var mappings = Smaps.Parse("55d0c0a00000-55d0c1200000 r--p 00000000 fe:00 1311 /opt/moltbot/moltbot\n");

        var mapping = Assert.Single(mappings);
        Assert.Equal(0, mapping.RssKb);
        Assert.Equal(SmapsSample.Executable, mapping.Path);
    }

    [Fact]
    public void StatusKb_FindsAValueInProcStatus_OrNull()
    {
        const string status = "Name:\tmoltbot\nVmHWM:\t   61000 kB\nVmRSS:\t   59012 kB\nRssAnon:\t   25000 kB\nThreads:\t21\n";

        Assert.Equal(59012, Smaps.StatusKb(status, "VmRSS"));
        Assert.Equal(25000, Smaps.StatusKb(status, "RssAnon"));
        Assert.Null(Smaps.StatusKb(status, "VmSwap"));
    }
}
