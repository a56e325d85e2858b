using MoltBot.Cli;

// One binary: `moltbot gateway` runs the host; every other verb is a thin client in Cli/.
return await MoltBotCli.RunAsync(args);
