namespace MoltBot.Agent.Tools;

/// <summary>A tool declined to do what it was asked (a limit, a policy, a denied approval); the message goes to the model as the result.</summary>
internal sealed class ToolRefusedException(string message) : Exception(message);
