-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'REVIEW_INVITE';
