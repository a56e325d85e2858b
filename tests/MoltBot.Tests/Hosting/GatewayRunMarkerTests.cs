using Microsoft.Extensions.Time.Testing;
using MoltBot.Hosting;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Hosting;

public sealed class GatewayRunMarkerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Start_ReadsHowThePreviousRunEnded()
    {
        using var state = new TempDirectory();

        Assert.Equal(GatewayRunMarker.FirstStart, new GatewayRunMarker(state.Path, _time).Start("1"));
        // That run never stopped: killed.
        var second = new GatewayRunMarker(state.Path, _time);
        Assert.Equal(GatewayRunMarker.Crash, second.Start("1"));
        second.Stop("1");
        Assert.Equal(GatewayRunMarker.Clean, new GatewayRunMarker(state.Path, _time).Start("1"));
    }

    [Fact]
    public void Stop_OfAnOldRunAfterANewOneStarted_DoesNotHideTheNewRunsCrash()
    {
        using var state = new TempDirectory();
        var old = new GatewayRunMarker(state.Path, _time);
        old.Start("1");
        new GatewayRunMarker(state.Path, _time).Start("2"); // a new revision on the same volume

        old.Stop("1"); // the old one drains and stops; the new one is then killed

        Assert.Equal(GatewayRunMarker.Crash, new GatewayRunMarker(state.Path, _time).Start("2"));
    }

    [Fact]
    public void Start_TornMarkerFile_CountsAsCrash_AndTheFileIsPrivate()
    {
        using var state = new TempDirectory();
        File.WriteAllText(state.Combine(GatewayRunMarker.FileName), "{\"state\":\"runn");

        Assert.Equal(GatewayRunMarker.Crash, new GatewayRunMarker(state.Path, _time).Start("1"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state.Combine(GatewayRunMarker.FileName)));
        }
    }
}
