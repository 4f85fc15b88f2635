using CloudPI.Commands;

var root = ComponentRoot.For(CloudPI.Commands.Producers.AwsConfigProducerCommand.Create());
return await CliApp.RunAsync(args, root, "cloudpi-producer-awsconfig").ConfigureAwait(false);
