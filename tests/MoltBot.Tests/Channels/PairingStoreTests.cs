using Microsoft.Extensions.Time.Testing;
using MoltBot.Channels.Pairing;
using MoltBot.Cli;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels;

public sealed class PairingStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private PairingStore NewStore() => new(new SqliteDatabase(_dir.Combine("moltbot.db")), _time);

    [Fact]
    public void Request_NewSender_GetsEightCharCodeWithoutLookAlikes()
    {
        var (request, isNew) = NewStore().Request("discord", "111")!.Value;

        Assert.True(isNew);
        Assert.Equal(PairingCode.Length, request.Code.Length);
        Assert.All(request.Code, c => Assert.Contains(c, PairingCode.Alphabet));
        Assert.DoesNotContain(request.Code, c => "0O1IL".Contains(c, StringComparison.Ordinal));
        Assert.Equal(_time.GetUtcNow().AddHours(1), request.ExpiresAt);
    }

    [Fact]
    public void Request_SameSenderAgain_GetsTheSameCode_NotANewOne()
    {
        var store = NewStore();
        var first = store.Request("discord", "111")!.Value;

        var second = store.Request("discord", "111")!.Value;

        Assert.False(second.IsNew);
        Assert.Equal(first.Request.Code, second.Request.Code);
    }

    [Fact]
    public void Request_FourthStranger_GetsNothing_WhileThreeArePending()
    {
        var store = NewStore();
        for (var i = 0; i < PairingStore.MaxPendingPerChannel; i++)
        {
            Assert.NotNull(store.Request("discord", $"sender{i}"));
        }

        Assert.Null(store.Request("discord", "sender4"));
        Assert.NotNull(store.Request("telegram", "sender4"));
    }

    [Fact]
    public void Code_ExpiresAfterAnHour()
    {
        var store = NewStore();
        var code = store.Request("discord", "111")!.Value.Request.Code;

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Null(store.Approve("discord", code));
        Assert.Empty(store.ListPending());
    }

    [Fact]
    public void Approve_PersistsAcrossRestart_AndConsumesTheCode()
    {
        var code = NewStore().Request("discord", "111")!.Value.Request.Code;

        var approved = NewStore().Approve("discord", code.ToLowerInvariant());

        Assert.Equal("111", approved?.SenderId);
        Assert.True(NewStore().IsApproved("discord", "111"));
        Assert.False(NewStore().IsApproved("telegram", "111"));
        Assert.Null(NewStore().Approve("discord", code));
    }

    [Fact]
    public void Cli_ListAndApprove_SayWhatHappened()
    {
        var store = NewStore();
        var code = store.Request("telegram", "4242")!.Value.Request.Code;
        using var output = new StringWriter();
        using var error = new StringWriter();

        PairingCommand.List(store, output);
        var approved = PairingCommand.Approve(store, "telegram", code, output, error);
        var unknown = PairingCommand.Approve(store, "telegram", "ZZZZZZZZ", output, error);

        Assert.Contains($"telegram   4242", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(code, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, approved);
        Assert.Equal(1, unknown);
        Assert.Contains("moltbot pairing list", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
