import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppController } from './app.controller';
import { Greeting } from './greeting.entity';

@Module({
  imports: [
    ConfigModule.forRoot(),
    TypeOrmModule.forRoot({ type: 'sqljs', entities: [Greeting], synchronize: true }),
    TypeOrmModule.forFeature([Greeting]),
  ],
  controllers: [AppController],
})
export class AppModule {}
