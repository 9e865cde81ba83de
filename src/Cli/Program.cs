using Tapline.Cli;

return TaplineCommand.Run(args, Console.Out, Console.Error);
