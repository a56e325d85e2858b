using Microsoft.Extensions.Time.Testing;
using MoltBot.Channels.Access;
using MoltBot.Channels.Pairing;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels;

public sealed class DmAccessGateTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PairingStore _pairing;
    private readonly DmAccessGate _gate;

    public DmAccessGateTests()
    {
        _pairing = new PairingStore(new SqliteDatabase(_dir.Combine("moltbot.db")), new FakeTimeProvider());
        _gate = new DmAccessGate(_pairing);
    }

    [Theory]
    [InlineData(DmPolicy.Allowlist, "111", true)]
    [InlineData(DmPolicy.Allowlist, "999", false)]
    [InlineData(DmPolicy.Disabled, "111", false)]
    [InlineData(DmPolicy.Open, "999", false)]
    public void Policy_DecidesWithoutPairing(string policy, string sender, bool allowed)
    {
        var decision = _gate.Evaluate("discord", sender, new DmAccessOptions(policy, ["111"]));
        Assert.Equal(allowed, decision is AccessDecision.Allowed);
        Assert.Empty(_pairing.ListPending());
    }

    [Fact]
    public void Open_NeedsExplicitWildcard()
    {
        Assert.IsType<AccessDecision.Allowed>(_gate.Evaluate("discord", "anyone", new DmAccessOptions(DmPolicy.Open, ["*"])));
    }

    [Fact]
    public void Pairing_Stranger_GetsChallenge_ThenApprovedSenderIsAllowed()
    {
        var options = DmAccessOptions.Default;

        var challenge = Assert.IsType<AccessDecision.PairingChallenge>(_gate.Evaluate("discord", "555", options));
        Assert.True(challenge.IsNew);
        Assert.Contains($"moltbot pairing approve discord {challenge.Code}", DmAccessGate.PairingMessage("discord", challenge), StringComparison.Ordinal);
        Assert.False(Assert.IsType<AccessDecision.PairingChallenge>(_gate.Evaluate("discord", "555", options)).IsNew);

        _pairing.Approve("discord", challenge.Code);

        Assert.IsType<AccessDecision.Allowed>(_gate.Evaluate("discord", "555", options));
    }

    [Fact]
    public void Pairing_AllowFromIsAllowedWithoutACode()
    {
        Assert.IsType<AccessDecision.Allowed>(_gate.Evaluate("telegram", "42", new DmAccessOptions(DmPolicy.Pairing, ["42"])));
    }

    public void Dispose() => _dir.Dispose();
}
