namespace MoltBot.Channels.Discord.Gateway;

/// <summary>Gateway opcodes (v10) that MoltBot sends or handles.</summary>
internal enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    Resume = 6,
    Reconnect = 7,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}
