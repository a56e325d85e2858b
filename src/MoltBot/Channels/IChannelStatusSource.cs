namespace MoltBot.Channels;

/// <summary>Implemented by every running channel adapter.</summary>
internal interface IChannelStatusSource
{
    ChannelStatus Snapshot();
}
