-- Settings → Employees: the emailed link an invited employee sets a password with.

-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'EMPLOYEE_INVITE';
