using System.Text.Json.Serialization;

namespace MoltBot.Channels.Discord.JsonModels;

/// <summary>Source-generated JSON for the Discord wire boundary (gateway and REST).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonGatewayPayload))]
[JsonSerializable(typeof(JsonHello))]
[JsonSerializable(typeof(JsonReady))]
[JsonSerializable(typeof(JsonMessage))]
[JsonSerializable(typeof(JsonIdentifyPayload))]
[JsonSerializable(typeof(JsonResumePayload))]
[JsonSerializable(typeof(JsonHeartbeatPayload))]
[JsonSerializable(typeof(JsonCreateMessage))]
[JsonSerializable(typeof(JsonGatewayBot))]
[JsonSerializable(typeof(JsonUser))]
[JsonSerializable(typeof(JsonRestError))]
[JsonSerializable(typeof(bool))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
