namespace CloudPI.Controls.Tests.Catalog;

public class EcsControlsTests
{
    [Theory]
    [InlineData("ecs-containers-nonprivileged", RiskKind.ContainerEscape, ControlSeverity.High)]
    [InlineData("ecs-task-definition-user-for-host-mode-check", RiskKind.ContainerEscape, ControlSeverity.High)]
    [InlineData("ecs-no-environment-secrets", RiskKind.PrivilegeExposure, ControlSeverity.Critical)]
    [InlineData("ecs-containers-readonly-access", RiskKind.PrivilegeExposure, ControlSeverity.High)]
    [InlineData("ecs-task-definition-nonroot-user", RiskKind.ContainerEscape, ControlSeverity.Medium)]
    [InlineData("ecs-task-definition-pid-mode-check", RiskKind.ContainerEscape, ControlSeverity.High)]
    [InlineData("ecs-task-definition-log-configuration", RiskKind.Visibility, ControlSeverity.Medium)]
    [InlineData("ecs-fargate-latest-platform-version", RiskKind.Hygiene, ControlSeverity.Medium)]
    [InlineData("ecs-container-insights-enabled", RiskKind.Visibility, ControlSeverity.Medium)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("ECS", control.Service);
        Assert.Empty(control.Exposures);
    }

    [Fact]
    public void Task_definition_rules_evaluate_task_definitions()
    {
        var taskDefinitionRules = Catalogs.Default.Controls
            .Where(c => c.Service == "ECS" && c.ResourceTypes.SequenceEqual(["AWS::ECS::TaskDefinition"]))
            .Select(c => c.Id);

        Assert.Equal(7, taskDefinitionRules.Count());
        Assert.Equal(["AWS::ECS::Service"], Catalogs.ById("ecs-fargate-latest-platform-version").ResourceTypes);
        Assert.Equal(["AWS::ECS::Cluster"], Catalogs.ById("ecs-container-insights-enabled").ResourceTypes);
    }
}
