using MoltBot.Hosting.WorkingSet;

namespace MoltBot.Tests.Hosting.WorkingSet;

public sealed class QuietSpellTests
{
    private const long Mb = 1024 * 1024;

    private long _allocated;

    private QuietSpell NewSpell()
    {
        var spell = new QuietSpell(() => _allocated);
        spell.Trimmed(); // the start-up trim
        return spell;
    }

    [Fact]
    public void WhileBusy_NoTrim_ThenTheFirstQuietTickTrims()
    {
        var spell = NewSpell();

        _allocated += 30 * Mb;
        Assert.False(spell.IsTrimDue());
        _allocated += 30 * Mb;
        Assert.False(spell.IsTrimDue());

        _allocated += QuietSpell.QuietBytes - 1;
        Assert.True(spell.IsTrimDue());
    }

    [Fact]
    public void AfterATrim_AnIdleGateway_IsNotTrimmedAgain()
    {
        var spell = NewSpell();
        _allocated += 30 * Mb;
        spell.IsTrimDue();
        Assert.True(spell.IsTrimDue());
        spell.Trimmed();

        for (var tick = 0; tick < 10; tick++)
        {
            Assert.False(spell.IsTrimDue());
        }
    }

    [Fact]
    public void ALittleWork_IsNotWorthATrim()
    {
        var spell = NewSpell();

        _allocated += QuietSpell.WorthBytes / 2;
        Assert.False(spell.IsTrimDue());
        Assert.False(spell.IsTrimDue());
    }

    [Fact]
    public void IdleAllocations_AddUp_ToOneTrimEveryFewMinutesAtMost()
    {
        var spell = NewSpell();
        var ticks = 0;
        do
        {
            _allocated += QuietSpell.QuietBytes / 4; // each tick quiet
            ticks++;
        }
        while (!spell.IsTrimDue());

        Assert.Equal(QuietSpell.WorthBytes / (QuietSpell.QuietBytes / 4), ticks);
    }
}
