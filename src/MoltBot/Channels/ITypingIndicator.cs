namespace MoltBot.Channels;

/// <summary>Optional per channel: shows "typing…" in a chat while an agent turn for it runs.</summary>
internal interface ITypingIndicator
{
    string Channel { get; }

    /// <summary>Keeps the indicator on until <paramref name="cancellationToken"/> is cancelled; never throws for send failures.</summary>
    Task KeepTypingAsync(string chatId, CancellationToken cancellationToken);
}
