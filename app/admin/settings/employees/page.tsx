// Settings → Employees (OWNER only): who can sign in to the admin, with role, status and last
// sign-in; invite by email, change role, deactivate / reactivate, resend a pending invitation.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ActionButtonForm } from "@/components/admin/settings/action-button-form";
import { EmployeeRoleForm } from "@/components/admin/settings/employees/employee-role-form";
import { InviteEmployeeForm } from "@/components/admin/settings/employees/invite-employee-form";
import { SettingsTabs } from "@/components/admin/settings/settings-tabs";
import { requireStaffPage } from "@/lib/auth/guard";
import { sectionRoles } from "@/lib/auth/permissions";
import { Role } from "@/lib/db/generated/enums";
import { listEmployees } from "@/lib/employees/list-employees";
import { formatDateTime } from "@/lib/format-date";
import { changeEmployeeRoleAction, inviteEmployeeAction, resendInviteAction, setEmployeeActiveAction } from "./actions";

export default async function EmployeesSettingsPage() {
  const actor = await requireStaffPage(sectionRoles("settings"), "/admin/settings/employees");
  const [t, tSettings, tRoles, employees] = await Promise.all([
    getTranslations("settings.employees"),
    getTranslations("settings"),
    getTranslations("roles"),
    listEmployees({ id: actor.id, role: actor.role }),
  ]);
  const roles = Object.values(Role).map((role) => ({ value: role, label: tRoles(role) }));
  return (
    <>
      <PageHeader title={tSettings("title")} />
      <SettingsTabs active="employees" />
      <div className="flex flex-col gap-8">
        <section aria-labelledby="employees-list" className="flex flex-col gap-3">
          <h2 id="employees-list" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <div className="overflow-x-auto">
            <table className="table" data-testid="employees-table">
              <thead>
                <tr>
                  <th>{t("name")}</th>
                  <th>{t("email")}</th>
                  <th>{t("role")}</th>
                  <th>{t("status")}</th>
                  <th>{t("lastSignIn")}</th>
                  <th>{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {employees.map((employee) => (
                  <tr key={employee.id} data-testid="employee-row" data-email={employee.email}>
                    <td>{employee.name}</td>
                    <td>{employee.email}</td>
                    <td>
                      <EmployeeRoleForm action={changeEmployeeRoleAction} userId={employee.id} role={employee.role} roles={roles} />
                    </td>
                    <td>{t(`statuses.${employee.status}`)}</td>
                    <td>{employee.lastSignInAt ? formatDateTime(new Date(employee.lastSignInAt)) : t("never")}</td>
                    <td>
                      <div className="flex flex-wrap gap-2">
                        {employee.status === "INVITED" ? <ActionButtonForm action={resendInviteAction} fields={{ userId: employee.id }} label={t("resend")} testId="resend-invite" /> : null}
                        {employee.id === actor.id ? null : employee.status === "DEACTIVATED" ? (
                          <ActionButtonForm action={setEmployeeActiveAction} fields={{ userId: employee.id, isActive: "true" }} label={t("reactivate")} testId="reactivate" />
                        ) : (
                          <ActionButtonForm
                            action={setEmployeeActiveAction}
                            fields={{ userId: employee.id, isActive: "false" }}
                            label={employee.status === "INVITED" ? t("revoke") : t("deactivate")}
                            confirmText={t("deactivateConfirm", { name: employee.name })}
                            testId="deactivate"
                            danger
                          />
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="employees-invite" className="flex max-w-xl flex-col gap-3">
          <h2 id="employees-invite" className="text-lg font-semibold">
            {t("inviteTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("inviteIntro")}</p>
          <InviteEmployeeForm action={inviteEmployeeAction} roles={roles} />
        </section>
      </div>
    </>
  );
}
