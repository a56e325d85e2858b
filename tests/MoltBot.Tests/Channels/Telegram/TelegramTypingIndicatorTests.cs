using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Channels.Telegram;
using MoltBot.Channels.Telegram.Api;
using MoltBot.TestSupport.Telegram;

using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Telegram;

public sealed class TelegramTypingIndicatorTests
{
    [Fact]
    public async Task KeepTyping_SendsAtOnce_ThenEveryInterval_UntilCancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var telegram = await FakeTelegramServer.StartAsync(ct: ct);
        var time = new RecordingTimeProvider();
        using var client = new TelegramBotApiClient(telegram.ApiRoot, telegram.Token, time);
        var indicator = new TelegramTypingIndicator(client, time, NullLogger<TelegramTypingIndicator>.Instance);
        using var turn = new CancellationTokenSource();

        var typing = indicator.KeepTypingAsync("42", turn.Token);
        await telegram.WaitForChatActionAsync(1, ct);
        await time.WaitForTimerAsync(TelegramTypingIndicator.Interval, ct);
        time.Advance(TelegramTypingIndicator.Interval);
        await telegram.WaitForChatActionAsync(2, ct);
        await turn.CancelAsync();
        await typing;

        Assert.All(telegram.ChatActions, a => Assert.Equal((42L, "typing"), a));
    }
}
