namespace MoltBot.Channels.Discord;

/// <summary>One message of a split reply: <paramref name="PrefixLength"/> leading and <paramref name="SuffixLength"/>
/// trailing characters were added to re-open and close a code fence cut in two.</summary>
internal readonly record struct DiscordMessageChunk(string Text, int PrefixLength, int SuffixLength);
