namespace MoltBot.Agent.Tools.Exec;

/// <summary>How to start a command: the program and arguments (<c>/bin/sh -c</c>, possibly under bwrap), folder and environment.</summary>
internal sealed record ShellLaunch(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment);
