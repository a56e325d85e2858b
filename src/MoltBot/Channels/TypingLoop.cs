namespace MoltBot.Channels;

/// <summary>
/// The loop behind every <see cref="ITypingIndicator"/>: chat platforms show "typing…" for a few seconds per call,
/// so it is re-sent every interval until the turn ends. Failures are cosmetic and only reported.
/// </summary>
internal static class TypingLoop
{
    public static async Task RunAsync(
        Func<CancellationToken, Task> sendTyping, TimeSpan interval, TimeProvider timeProvider, Action<string> onFailure, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await sendTyping(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    onFailure(ex.Message); // never fails the turn
                }
                await Task.Delay(interval, timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The turn ended.
        }
    }
}
