-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" TEXT;

-- The store's languages only (null: the user has not chosen one).
ALTER TABLE "User" ADD CONSTRAINT "User_locale_known" CHECK ("locale" IN ('en', 'fa'));
